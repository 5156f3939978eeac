import { escapeHtml } from "@digistore/core";

export interface MessagePageContent {
  readonly title: string;
  readonly message: string;
  /** Already-safe HTML shown under the message. */
  readonly extraHtml?: string;
  readonly link?: { readonly href: string; readonly label: string };
}

/**
 * A self-contained page rendered by the server itself, not Remix: for answers that must not
 * depend on the app (maintenance, refused downloads).
 */
export function messagePage(storeName: string, content: MessagePageContent): string {
  const link = content.link
    ? `<p><a href="${escapeHtml(content.link.href)}">${escapeHtml(content.link.label)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(content.title)} — ${escapeHtml(storeName)}</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, sans-serif; background: #fafbfc; color: #1d2330; }
  main { max-width: 32rem; padding: 2.5rem; background: #fff; border: 1px solid #e3e6ec; border-radius: 12px; text-align: center; }
  h1 { margin: 0 0 0.75rem; font-size: 1.6rem; }
  .brand { font-weight: 800; color: #4f46e5; margin-bottom: 1.5rem; }
  .muted { color: #5b6476; }
  a { color: #4f46e5; }
</style>
</head>
<body>
<main>
  <div class="brand">${escapeHtml(storeName)}</div>
  <h1>${escapeHtml(content.title)}</h1>
  <p>${escapeHtml(content.message)}</p>
  ${content.extraHtml ?? ""}
  ${link}
</main>
</body>
</html>`;
}

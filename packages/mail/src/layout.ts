import { escapeHtml } from "@digistore/core";
/** A paragraph of plain text, or a link shown as a button in HTML and as "label: url" in text. */
type EmailBlock = string | { readonly label: string; readonly url: string };

export interface EmailContent {
  readonly subject: string;
  readonly blocks: readonly EmailBlock[];
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const P_STYLE = "margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2937";
const FOOTER_STYLE = "margin:24px 0 0;font-size:14px;line-height:1.5;color:#6b7280";
const BUTTON_STYLE =
  "display:inline-block;padding:10px 18px;border-radius:6px;background:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600";

/**
 * The one place that turns content into text and HTML, so every template gets the same
 * escaping: templates hand over raw strings and never build markup themselves.
 */
export function renderLayout(content: EmailContent, storeName: string): RenderedEmail {
  // A header cannot span lines; a stray newline in a store name must not break the subject.
  const subject = content.subject.replace(/[\r\n]+/g, " ").trim();
  const text = [
    ...content.blocks.map((b) => (typeof b === "string" ? b : `${b.label}: ${b.url}`)),
    `— ${storeName}`,
  ].join("\n\n");
  const body = content.blocks
    .map((b) =>
      typeof b === "string"
        ? `<p style="${P_STYLE}">${escapeHtml(b)}</p>`
        : `<p style="${P_STYLE}"><a href="${escapeHtml(b.url)}" style="${BUTTON_STYLE}">${escapeHtml(b.label)}</a></p>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html>
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">
${body}
<p style="${FOOTER_STYLE}">— ${escapeHtml(storeName)}</p>
</div>
</body>
</html>
`;
  return { subject, text: `${text}\n`, html };
}

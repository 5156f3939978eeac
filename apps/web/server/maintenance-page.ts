import type { MaintenanceState } from "@digistore/domain-site";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Rendered by the server itself, not Remix: while the store is down, nothing that might
 * touch the API or the database should be needed to say so.
 */
export function maintenancePage(state: MaintenanceState, storeName: string): string {
  const back = state.expectedBackAt
    ? `<p class="back">Expected back: <time datetime="${escape(state.expectedBackAt)}">${escape(new Date(state.expectedBackAt).toUTCString())}</time></p>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Down for maintenance — ${escape(storeName)}</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, sans-serif; background: #fafbfc; color: #1d2330; }
  main { max-width: 32rem; padding: 2.5rem; background: #fff; border: 1px solid #e3e6ec; border-radius: 12px; text-align: center; }
  h1 { margin: 0 0 0.75rem; font-size: 1.6rem; }
  .brand { font-weight: 800; color: #4f46e5; margin-bottom: 1.5rem; }
  .back { color: #5b6476; }
  a { color: #4f46e5; }
</style>
</head>
<body>
<main>
  <div class="brand">${escape(storeName)}</div>
  <h1>We'll be right back</h1>
  <p>${escape(state.message)}</p>
  ${back}
  <p><a href="/login">Staff log in</a></p>
</main>
</body>
</html>`;
}

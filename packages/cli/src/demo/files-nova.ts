import type { DemoFile } from "./demo-data";

// The files inside Nova Studio's demo products, generated as text.

export const atlasTokens = (accent: string) =>
  JSON.stringify(
    {
      color: {
        accent: { value: accent },
        surface: { value: "#ffffff" },
        "surface-muted": { value: "#f4f6fa" },
        text: { value: "#18202f" },
        "text-muted": { value: "#5b6475" },
        border: { value: "#dde2ea" },
        success: { value: "#1f9d63" },
        danger: { value: "#d64545" },
      },
      radius: { sm: { value: "4px" }, md: { value: "8px" }, lg: { value: "14px" } },
      space: {
        1: { value: "4px" },
        2: { value: "8px" },
        3: { value: "12px" },
        4: { value: "16px" },
      },
    },
    null,
    2,
  ) + "\n";

export const atlasCss = (
  withDark: boolean,
) => `/* Atlas Dashboard UI Kit — components built on the tokens in tokens.json */
:root {
  --atlas-accent: #4f5bd5; --atlas-surface: #fff; --atlas-muted: #f4f6fa;
  --atlas-text: #18202f; --atlas-text-muted: #5b6475; --atlas-border: #dde2ea;
  --atlas-radius: 8px;
}
${
  withDark
    ? `@media (prefers-color-scheme: dark) {
  :root { --atlas-surface: #161b26; --atlas-muted: #0f131b; --atlas-text: #e8ecf3; --atlas-text-muted: #9aa3b5; --atlas-border: #2a3242; }
}
`
    : ""
}.atlas-shell { display: grid; grid-template-columns: 240px 1fr; min-height: 100vh; background: var(--atlas-muted); color: var(--atlas-text); }
.atlas-nav { background: var(--atlas-surface); border-right: 1px solid var(--atlas-border); padding: 16px; }
.atlas-nav a { display: block; padding: 8px 12px; border-radius: var(--atlas-radius); color: inherit; text-decoration: none; }
.atlas-nav a[aria-current="page"] { background: var(--atlas-accent); color: #fff; }
.atlas-card { background: var(--atlas-surface); border: 1px solid var(--atlas-border); border-radius: var(--atlas-radius); padding: 16px; }
.atlas-stat { font-size: 28px; font-weight: 650; }
.atlas-stat small { display: block; font-size: 13px; color: var(--atlas-text-muted); font-weight: 400; }
.atlas-table { width: 100%; border-collapse: collapse; }
.atlas-table th, .atlas-table td { text-align: left; padding: 10px 12px; border-bottom: 1px solid var(--atlas-border); }
.atlas-badge { display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 12px; background: var(--atlas-muted); }
`;

export const atlasExample = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Atlas example dashboard</title>
<link rel="stylesheet" href="atlas.css">
<body class="atlas-shell">
  <nav class="atlas-nav"><a href="#" aria-current="page">Overview</a><a href="#">Orders</a><a href="#">Customers</a></nav>
  <main style="padding:24px;display:grid;gap:16px;grid-template-columns:repeat(3,1fr)">
    <section class="atlas-card atlas-stat">$12,480<small>Revenue this month</small></section>
    <section class="atlas-card atlas-stat">318<small>Orders</small></section>
    <section class="atlas-card atlas-stat">4.8%<small>Conversion</small></section>
    <section class="atlas-card" style="grid-column:1/-1">
      <table class="atlas-table">
        <tr><th>Order</th><th>Customer</th><th>Status</th></tr>
        <tr><td>#1042</td><td>Ada L.</td><td><span class="atlas-badge">Paid</span></td></tr>
        <tr><td>#1041</td><td>Grace H.</td><td><span class="atlas-badge">Refunded</span></td></tr>
      </table>
    </section>
  </main>
</body>
</html>
`;

export const paperForms: DemoFile[] = [
  {
    path: "paper-forms.css",
    content: `/* Paper Forms — classless form styling. Import it and write plain HTML forms. */
form { display: grid; gap: 14px; max-width: 32rem; font: 16px/1.5 system-ui, sans-serif; }
label { display: grid; gap: 4px; font-weight: 550; }
input, select, textarea {
  font: inherit; padding: 10px 12px; border: 1px solid #cfd5df; border-radius: 6px; background: #fff;
}
input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #9db7ff; outline-offset: 1px; }
input[aria-invalid="true"] { border-color: #c93b3b; }
.hint { font-weight: 400; font-size: 14px; color: #5e6675; }
.error { font-weight: 400; font-size: 14px; color: #c93b3b; }
button { font: inherit; padding: 10px 16px; border: 0; border-radius: 6px; background: #243b7a; color: #fff; cursor: pointer; }
fieldset { border: 1px solid #cfd5df; border-radius: 6px; padding: 12px 16px; }
`,
  },
  {
    path: "demo.html",
    content: `<!doctype html>
<meta charset="utf-8">
<title>Paper Forms demo</title>
<link rel="stylesheet" href="paper-forms.css">
<form>
  <label>Email <input type="email" autocomplete="email" required></label>
  <label>Password <input type="password" aria-invalid="true" aria-describedby="pw-error">
    <span class="error" id="pw-error">Use at least 8 characters.</span></label>
  <fieldset><legend>Plan</legend>
    <label><input type="radio" name="plan" checked> Personal</label>
    <label><input type="radio" name="plan"> Team</label></fieldset>
  <button>Create account</button>
</form>
`,
  },
];

export const landingPage = (withPricing: boolean): DemoFile[] => [
  {
    path: "index.html",
    content: `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Launchpad — your product, launched</title>
<link rel="stylesheet" href="styles.css">
<body>
  <header class="hero">
    <h1>Ship the page, not the excuses.</h1>
    <p>Launchpad is a fast, accessible landing page you can edit in an afternoon.</p>
    <a class="button" href="#signup">Join the waitlist</a>
  </header>
  <section class="features">
    <article><h2>Fast</h2><p>No framework, no build step: one HTML file and one stylesheet.</p></article>
    <article><h2>Accessible</h2><p>Semantic markup, visible focus and real contrast.</p></article>
    <article><h2>Yours</h2><p>Change the colours in one place: the custom properties at the top.</p></article>
  </section>${
    withPricing
      ? `
  <section class="pricing"><h2>Pricing</h2><p><strong>$9</strong> a month, cancel any time.</p></section>`
      : ""
  }
  <footer id="signup"><form><input type="email" placeholder="you@example.com" aria-label="Email"><button class="button">Notify me</button></form></footer>
</body>
</html>
`,
  },
  {
    path: "styles.css",
    content: `:root { --brand: #ff6a3d; --ink: #1d1b26; --paper: #fffaf5; }
body { margin: 0; font: 18px/1.6 system-ui, sans-serif; color: var(--ink); background: var(--paper); }
.hero { padding: 96px 24px; text-align: center; background: linear-gradient(135deg, #ffe2d4, var(--paper)); }
.hero h1 { font-size: clamp(2rem, 6vw, 3.5rem); margin: 0 0 12px; }
.button { display: inline-block; padding: 12px 22px; border-radius: 999px; background: var(--brand); color: #fff; text-decoration: none; border: 0; font: inherit; }
.features { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 24px; padding: 64px 24px; max-width: 1040px; margin: auto; }
.pricing { text-align: center; padding: 32px 24px; }
footer { padding: 48px 24px; text-align: center; }
footer input { font: inherit; padding: 10px 14px; border-radius: 999px; border: 1px solid #ccc; }
`,
  },
];

export const folio: DemoFile[] = [
  {
    path: "index.html",
    content: `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Folio — Jane Doe, illustrator</title>
<link rel="stylesheet" href="folio.css">
<body>
  <header><h1>Jane Doe</h1><p>Illustration &amp; visual identity · Lisbon</p></header>
  <main class="grid">
    <figure><div class="art a"></div><figcaption>Harbour posters, 2025</figcaption></figure>
    <figure><div class="art b"></div><figcaption>Coffee brand identity</figcaption></figure>
    <figure><div class="art c"></div><figcaption>Children's book, "The Tall Lighthouse"</figcaption></figure>
    <figure><div class="art d"></div><figcaption>Editorial spots</figcaption></figure>
  </main>
  <footer><a href="mailto:hello@example.com">hello@example.com</a></footer>
</body>
</html>
`,
  },
  {
    path: "folio.css",
    content: `body { margin: 0 auto; max-width: 1100px; padding: 48px 24px; font: 17px/1.6 Georgia, serif; color: #222; }
header h1 { font-size: 3rem; margin: 0; letter-spacing: -0.02em; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 28px; margin: 48px 0; }
figure { margin: 0; } figcaption { font-size: 15px; color: #666; margin-top: 8px; }
.art { aspect-ratio: 4 / 3; border-radius: 4px; }
.a { background: linear-gradient(135deg, #f6d365, #fda085); } .b { background: linear-gradient(135deg, #84fab0, #8fd3f4); }
.c { background: linear-gradient(135deg, #a18cd1, #fbc2eb); } .d { background: linear-gradient(135deg, #fccb90, #d57eeb); }
`,
  },
];

/** Generated palettes: five calm, harmonious swatches per theme. */
export function calmPalettes(): string {
  const themes = { Fjord: 205, Sage: 140, Dune: 35, Heather: 290, Clay: 15, Lagoon: 180 };
  const palettes = Object.entries(themes).map(([name, hue]) => ({
    name,
    swatches: [92, 80, 64, 46, 28].map((lightness, i) => `hsl(${hue + i * 4} 32% ${lightness}%)`),
  }));
  return JSON.stringify({ version: "1.0.0", palettes }, null, 2) + "\n";
}

import { days, type DemoProduct } from "./demo-data";
import { ICON_NAMES, iconPackFiles } from "./icons";
import {
  atlasCss,
  atlasExample,
  atlasTokens,
  calmPalettes,
  folio,
  landingPage,
  paperForms,
} from "./files-nova";

/** Nova Studio sells design assets: icons, UI kits, site templates. */
export const NOVA_PRODUCTS: readonly DemoProduct[] = [
  {
    seller: "nova",
    category: "Icons",
    title: "Lumen Line Icons",
    summary: "Crisp 24px outline icons for product UIs, drawn on one grid with one stroke width.",
    description: `Lumen is a set of **outline icons** drawn on a 24 × 24 grid with a 1.75px stroke, so they
sit comfortably next to system fonts at any size.

Every icon is a clean, standalone SVG that inherits its colour from the text around it:

\`\`\`html
<button class="icon-button">
  <img src="lumen/svg/search.svg" alt="" width="20" height="20"> Search
</button>
\`\`\`

What you get:

- SVG files, optimised by hand (no editor metadata)
- \`currentColor\` strokes, so one CSS rule themes them all
- a \`preview.html\` sheet to browse the set offline
- new icons in every update, free for owners

Icons follow the [WAI guidance on images](https://www.w3.org/WAI/tutorials/images/decorative/):
decorative by default, with a \`<title>\` for when you need one.`,
    price: 2400,
    currency: "USD",
    supportPrice: 1500,
    featured: true,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release: 16 essential interface icons.",
        hoursAgo: days(38),
        files: iconPackFiles(ICON_NAMES.slice(0, 16), "line"),
      },
      {
        label: "1.1.0",
        changelog: "Four new icons: calendar, clock, lock and download.",
        hoursAgo: days(16),
        files: iconPackFiles(ICON_NAMES.slice(0, 20), "line"),
      },
      {
        label: "1.2.0",
        changelog:
          "New: upload, folder, file and cart.\nFixed: the bell icon's clapper sat 0.5px off the grid.",
        hoursAgo: 20,
        files: iconPackFiles(ICON_NAMES.slice(0, 24), "line"),
      },
    ],
  },
  {
    seller: "nova",
    category: "Icons",
    title: "Duotone Commerce Icons",
    summary: "Two-tone icons for shops and checkouts: cart, card, receipt, gift and friends.",
    description: `Commerce screens need a particular vocabulary: carts, cards, receipts, tags. This set
covers it in a **duotone** style — an outline over a soft 25% fill of the same colour.

1. Drop the SVGs in your project.
2. Set \`color\` on the parent element.
3. Done: the outline and the fill follow it.

Pairs well with *Lumen Line Icons*, drawn on the same grid.`,
    price: 1900,
    currency: "USD",
    supportPrice: 1000,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release: 12 commerce icons in duotone.",
        hoursAgo: days(30),
        files: iconPackFiles(
          [
            "cart",
            "card",
            "receipt",
            "gift",
            "tag",
            "search",
            "user",
            "heart",
            "star",
            "lock",
            "mail",
            "check",
          ],
          "duotone",
        ),
      },
    ],
  },
  {
    seller: "nova",
    category: "UI Kits",
    title: "Atlas Dashboard UI Kit",
    summary:
      "Design tokens and CSS components for admin dashboards: navigation, cards, stats, tables.",
    description: `Atlas is the kit we use for our own client dashboards, cleaned up and documented.

## Inside

- \`tokens.json\` — colours, radii and spacing in the [Design Tokens format](https://tr.designtokens.org/format/)
- \`atlas.css\` — about a hundred lines of components, no dependencies
- \`example.html\` — a full dashboard page to start from

## Using it

\`\`\`css
@import url("atlas/atlas.css");
:root { --atlas-accent: #0f766e; } /* your brand colour */
\`\`\`

Every component is a plain class (\`.atlas-card\`, \`.atlas-table\`, \`.atlas-badge\`), so it works with
any framework — or none.`,
    price: 4900,
    currency: "USD",
    supportPrice: 2500,
    featured: true,
    packaging: "zip",
    versions: [
      {
        label: "2.0.0",
        changelog: "Rewritten on CSS custom properties; tokens exported as JSON.",
        hoursAgo: days(34),
        files: [
          { path: "tokens.json", content: atlasTokens("#4f5bd5") },
          { path: "atlas.css", content: atlasCss(false) },
          { path: "example.html", content: atlasExample },
        ],
      },
      {
        label: "2.1.0",
        changelog: "Dark mode: follows prefers-color-scheme, no extra classes needed.",
        hoursAgo: 44,
        files: [
          { path: "tokens.json", content: atlasTokens("#4f5bd5") },
          { path: "atlas.css", content: atlasCss(true) },
          { path: "example.html", content: atlasExample },
        ],
      },
    ],
  },
  {
    seller: "nova",
    category: "UI Kits",
    title: "Paper Forms CSS Kit",
    summary: "Classless, accessible form styles: write plain HTML forms and they look finished.",
    description: `Forms are where users give up. **Paper Forms** makes plain HTML forms look calm and clear
without adding a single class.

- visible focus rings that pass WCAG contrast
- error states from \`aria-invalid\`, so the style follows the semantics
- hints and errors as small, readable text

\`\`\`html
<label>Email <input type="email" required></label>
\`\`\`

That's the whole API.`,
    price: 2900,
    currency: "EUR",
    supportPrice: 1200,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release.",
        hoursAgo: days(26),
        files: paperForms,
      },
    ],
  },
  {
    seller: "nova",
    category: "Templates",
    title: "Launchpad Landing Page",
    summary: "A one-file landing page for product launches and waitlists. No build step.",
    description: `Launchpad is a landing page that loads in a blink: one HTML file, one stylesheet,
no JavaScript.

### Sections

- hero with a call to action
- three feature cards
- pricing (since 1.0.1)
- a waitlist form you can point at any form backend

Change \`--brand\` at the top of \`styles.css\` and it is yours. Host it anywhere that serves
files — [GitHub Pages](https://pages.github.com/) works fine.`,
    price: 3900,
    currency: "USD",
    supportPrice: 2000,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release.",
        hoursAgo: days(22),
        files: landingPage(false),
      },
      {
        label: "1.0.1",
        changelog: "Added a pricing section; the hero title scales better on small phones.",
        hoursAgo: days(9),
        files: landingPage(true),
      },
    ],
  },
  {
    seller: "nova",
    category: "Templates",
    title: "Folio Portfolio Template",
    summary: "An editorial, image-first portfolio for illustrators and designers.",
    description: `A portfolio should get out of the way of the work. Folio is a quiet serif layout with a
responsive grid of projects.

Replace the gradient placeholders with your images:

\`\`\`html
<figure><img src="work/harbour.jpg" alt="Harbour posters"><figcaption>Harbour posters</figcaption></figure>
\`\`\`

No support plan for this one: it is deliberately small enough to need none.`,
    price: 3500,
    currency: "EUR",
    supportPrice: null,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release.",
        hoursAgo: days(12),
        files: folio,
      },
    ],
  },
  {
    seller: "nova",
    category: "UI Kits",
    title: "Calm Palettes",
    summary: "Six muted five-step colour palettes as JSON, ready for design tokens.",
    description: `Six palettes — *Fjord, Sage, Dune, Heather, Clay* and *Lagoon* — each with five steps from
background to text.

The file is plain JSON with CSS \`hsl()\` values:

\`\`\`json
{ "name": "Fjord", "swatches": ["hsl(205 32% 92%)", "…"] }
\`\`\`

Import it into your token pipeline or just copy the values.`,
    price: 900,
    currency: "USD",
    supportPrice: null,
    packaging: "file",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release: six palettes.",
        hoursAgo: days(5),
        files: [{ path: "calm-palettes.json", content: calmPalettes() }],
      },
    ],
  },
];

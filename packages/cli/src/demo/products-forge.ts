import { days, type DemoProduct } from "./demo-data";
import { hooks, handbook, invoice, sqliteGuide, tablesmith, terminalThemes } from "./files-forge";

/** Pixel Forge sells developer tools, templates and guides. */
export const FORGE_PRODUCTS: readonly DemoProduct[] = [
  {
    seller: "forge",
    category: "Plugins",
    title: "Tablesmith Markdown Table Formatter",
    summary: "Formats the Markdown tables in your docs so they line up — as a CLI or a library.",
    description: `Hand-aligned Markdown tables are a chore. **Tablesmith** pads every column so the source
reads as well as the rendered page.

\`\`\`sh
npx tablesmith README.md docs/*.md
\`\`\`

or from code:

\`\`\`js
import { formatTables } from "tablesmith";
const tidy = formatTables(markdown);
\`\`\`

### Features

- keeps the alignment colons (\`:--\`, \`:-:\`, \`--:\`)
- honours alignment when padding cells (since 1.1)
- leaves everything that is not a table untouched
- zero dependencies, Node 18+

Questions and ideas: buy support and we answer within two working days.`,
    price: 1200,
    currency: "USD",
    supportPrice: 800,
    featured: true,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release.",
        hoursAgo: days(36),
        files: tablesmith("1.0.0", false),
      },
      {
        label: "1.0.1",
        changelog: "Fixed: a table at the very end of a file lost its last row.",
        hoursAgo: days(28),
        files: tablesmith("1.0.1", false),
      },
      {
        label: "1.1.0",
        changelog: "Right- and centre-aligned columns are now padded the way they render.",
        hoursAgo: 6,
        files: tablesmith("1.1.0", true),
      },
    ],
  },
  {
    seller: "forge",
    category: "Plugins",
    title: "Hookline Git Hooks",
    summary: "Tiny, dependency-free Git hooks: whitespace, conflict markers and commit messages.",
    description: `Hookline is three POSIX shell scripts that keep a repository tidy without a Node or Python
toolchain.

| hook | what it checks |
| --- | --- |
| \`pre-commit\` | trailing whitespace, leftover conflict markers |
| \`commit-msg\` | [Conventional Commits](https://www.conventionalcommits.org/) format |

Install with one command from your repository root:

\`\`\`sh
sh hookline/install.sh
\`\`\``,
    price: 1500,
    currency: "USD",
    supportPrice: 1000,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release: pre-commit and commit-msg hooks.",
        hoursAgo: days(31),
        files: hooks,
      },
    ],
  },
  {
    seller: "forge",
    category: "Templates",
    title: "Invoice Starter",
    summary: "A print-ready HTML invoice: edit it in a browser, print to PDF, send.",
    description: `Freelancing should not need accounting software for every invoice. **Invoice Starter** is
an HTML page laid out for A4 paper.

1. Open \`invoice.html\` and change the details.
2. Print to PDF (the print stylesheet removes the margins).
3. Send it.

Totals are plain text on purpose: no scripts, nothing to break.`,
    price: 1800,
    currency: "USD",
    supportPrice: 1000,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release.",
        hoursAgo: days(19),
        files: invoice,
      },
    ],
  },
  {
    seller: "forge",
    category: "Guides",
    title: "The Self-Hosting Handbook",
    summary: "A practical, opinionated guide to running your own services on one small server.",
    description: `Self-hosting is mostly a handful of habits. This handbook collects ours, from picking a
machine to sleeping through the night.

**Chapters**

1. Choosing a machine
2. Backups first (with a tested restore)
3. TLS without thinking
4. Updates on a schedule *(new in the second edition)*

It is a single Markdown file: read it in any editor, or render it with
[Pandoc](https://pandoc.org/) to EPUB or PDF.`,
    price: 2900,
    currency: "USD",
    supportPrice: 1900,
    packaging: "file",
    versions: [
      {
        label: "1.0",
        changelog: "First edition: three chapters.",
        hoursAgo: days(27),
        files: [{ path: "self-hosting-handbook.md", content: handbook(3, "First edition") }],
      },
      {
        label: "2.0",
        changelog: "Second edition: new chapter on updates; backup commands use restic.",
        hoursAgo: 60,
        files: [{ path: "self-hosting-handbook.md", content: handbook(4, "Second edition") }],
      },
    ],
  },
  {
    seller: "forge",
    category: "Guides",
    title: "SQLite in Production: A Field Guide",
    summary: "Settings, backups and limits: what to know before you ship SQLite to real users.",
    description: `A short field guide to running SQLite behind a real application.

- the three pragmas that matter
- backing up a live database
- knowing when it is time to move to a server database

See also the official notes on [write-ahead logging](https://sqlite.org/wal.html).`,
    price: 1900,
    currency: "USD",
    supportPrice: null,
    packaging: "file",
    versions: [
      {
        label: "1.0",
        changelog: "First edition.",
        hoursAgo: days(14),
        files: [{ path: "sqlite-in-production.md", content: sqliteGuide }],
      },
    ],
  },
  {
    seller: "forge",
    category: "Plugins",
    title: "Forge Terminal Themes",
    summary: "Three balanced colour schemes for Windows Terminal: Ember, Frost and Paper.",
    description: `Three colour schemes tuned for long sessions, with readable contrast for every ANSI colour.

Add them to the \`schemes\` list of your Windows Terminal \`settings.json\`, then pick one per
profile:

\`\`\`json
{ "profiles": { "defaults": { "colorScheme": "Forge Frost" } } }
\`\`\``,
    price: 700,
    currency: "USD",
    supportPrice: null,
    packaging: "zip",
    versions: [
      {
        label: "1.0.0",
        changelog: "First release: Ember, Frost and Paper.",
        hoursAgo: 80,
        files: [{ path: "forge-themes.json", content: terminalThemes() }],
      },
    ],
  },
];

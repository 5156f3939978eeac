import type { DemoFile } from "./demo-data";

// The files inside Pixel Forge's demo products, generated as text.

/** Tablesmith's source: a real, working Markdown table formatter (ES module, no dependencies). */
export const tablesmith = (version: string, alignment: boolean): DemoFile[] => [
  {
    path: "package.json",
    content:
      JSON.stringify(
        {
          name: "tablesmith",
          version,
          type: "module",
          exports: "./src/index.js",
          bin: { tablesmith: "./bin/tablesmith.js" },
          license: "SEE LICENSE IN LICENSE.txt",
        },
        null,
        2,
      ) + "\n",
  },
  {
    path: "src/index.js",
    content: `/** Formats every Markdown table in \`text\`: columns padded to the same width. */
export function formatTables(text) {
  const lines = text.split("\\n");
  const out = [];
  for (let i = 0; i < lines.length; ) {
    if (!isRow(lines[i])) { out.push(lines[i++]); continue; }
    const block = [];
    while (i < lines.length && isRow(lines[i])) block.push(lines[i++]);
    out.push(...formatBlock(block));
  }
  return out.join("\\n");
}

const isRow = (line) => line !== undefined && /^\\s*\\|.*\\|\\s*$/.test(line);
const cells = (line) => line.trim().slice(1, -1).split("|").map((c) => c.trim());
const isRule = (row) => row.every((c) => /^:?-+:?$/.test(c));

function formatBlock(block) {
  const rows = block.map(cells);
  const widths = [];
  for (const row of rows)
    row.forEach((c, i) => { if (!isRule([c])) widths[i] = Math.max(widths[i] ?? 3, c.length); });
  return rows.map((row) =>
    "| " + row.map((c, i) => (isRule(row) ? rule(c, widths[i]) : ${
      alignment ? "pad(c, widths[i], rows.find(isRule)?.[i])" : "c.padEnd(widths[i])"
    })).join(" | ") + " |",
  );
}

function rule(cell, width) {
  const left = cell.startsWith(":") ? ":" : "-";
  const right = cell.endsWith(":") ? ":" : "-";
  return left + "-".repeat(width - 2) + right;
}
${
  alignment
    ? `
function pad(cell, width, spec = "") {
  if (spec.startsWith(":") && spec.endsWith(":")) {
    const total = width - cell.length;
    return " ".repeat(Math.floor(total / 2)) + cell + " ".repeat(Math.ceil(total / 2));
  }
  return spec.endsWith(":") ? cell.padStart(width) : cell.padEnd(width);
}
`
    : ""
}`,
  },
  {
    path: "bin/tablesmith.js",
    content: `#!/usr/bin/env node
import { readFileSync, writeFileSync } from "node:fs";
import { formatTables } from "../src/index.js";

for (const file of process.argv.slice(2)) {
  writeFileSync(file, formatTables(readFileSync(file, "utf8")));
  console.log(\`formatted \${file}\`);
}
`,
  },
];

export const hooks: DemoFile[] = [
  {
    path: "hooks/pre-commit",
    content: `#!/bin/sh
# Refuse commits that add trailing whitespace or leftover conflict markers.
set -eu
if git diff --cached --check; then :; else
  echo "pre-commit: fix the whitespace errors above (or commit with --no-verify)." >&2
  exit 1
fi
if git diff --cached -U0 | grep -qE '^\\+(<<<<<<<|>>>>>>>)'; then
  echo "pre-commit: a conflict marker is staged." >&2
  exit 1
fi
`,
  },
  {
    path: "hooks/commit-msg",
    content: `#!/bin/sh
# Conventional Commits: "type(scope): summary", summary under 72 characters.
set -eu
first=$(head -n 1 "$1")
if ! printf '%s' "$first" | grep -qE '^(feat|fix|docs|refactor|test|chore|perf|build|ci)(\\([a-z0-9-]+\\))?!?: .{1,72}$'; then
  echo "commit-msg: use \\"type(scope): summary\\", e.g. \\"fix(cart): keep quantities\\"." >&2
  exit 1
fi
`,
  },
  {
    path: "install.sh",
    content: `#!/bin/sh
# Installs the hooks into the current repository (run from its root).
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
git config core.hooksPath "$dir/hooks"
chmod +x "$dir"/hooks/*
echo "Hookline installed: core.hooksPath=$dir/hooks"
`,
  },
];

export const invoice: DemoFile[] = [
  {
    path: "invoice.html",
    content: `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Invoice INV-2026-014</title>
<link rel="stylesheet" href="invoice.css">
<body>
  <header><h1>Invoice</h1><p>INV-2026-014 · issued 21 November 2026 · due in 14 days</p></header>
  <section class="parties">
    <address><strong>Pixel Forge</strong><br>12 Forge Lane<br>Bristol BS1 4DJ</address>
    <address><strong>Bill to</strong><br>Acme Widgets Ltd<br>accounts@example.com</address>
  </section>
  <table>
    <thead><tr><th>Description</th><th>Qty</th><th>Rate</th><th>Amount</th></tr></thead>
    <tbody>
      <tr><td>Design system audit</td><td>1</td><td>$1,200.00</td><td>$1,200.00</td></tr>
      <tr><td>Component implementation (hours)</td><td>14</td><td>$95.00</td><td>$1,330.00</td></tr>
    </tbody>
    <tfoot><tr><th colspan="3">Total</th><td>$2,530.00</td></tr></tfoot>
  </table>
  <footer>Thank you! Pay by bank transfer to GB00 FORG 0000 0000 0000 00.</footer>
</body>
</html>
`,
  },
  {
    path: "invoice.css",
    content: `body { max-width: 760px; margin: 40px auto; font: 15px/1.5 "Helvetica Neue", Arial, sans-serif; color: #222; }
h1 { font-size: 32px; margin: 0; }
.parties { display: flex; justify-content: space-between; margin: 32px 0; font-style: normal; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 8px; border-bottom: 1px solid #ddd; text-align: left; }
td:not(:first-child), th:not(:first-child) { text-align: right; }
tfoot th, tfoot td { font-size: 18px; border-bottom: 0; }
footer { margin-top: 40px; color: #666; }
@page { size: A4; margin: 18mm; }
@media print { body { margin: 0; } }
`,
  },
];

const handbookChapters = [
  `## 1. Choosing a machine

A small VPS with 1 vCPU and 1 GB of RAM runs a surprising amount of software. Start small,
measure, and resize: most providers let you grow a machine in minutes.`,
  `## 2. Backups first

Before you install anything, decide where backups go and **test a restore**. A backup you have
never restored is a hope, not a backup.

\`\`\`sh
restic -r s3:https://s3.example.com/backups backup /srv --exclude /srv/cache
restic -r s3:https://s3.example.com/backups restore latest --target /tmp/restore-test
\`\`\``,
  `## 3. TLS without thinking

Put a reverse proxy in front of every service and let it get certificates for you. With Caddy
the whole configuration can be two lines:

\`\`\`
store.example.com
reverse_proxy localhost:3000
\`\`\``,
  `## 4. Updates on a schedule

Unattended security updates for the OS, a monthly calendar reminder for everything else.`,
];

export const handbook = (chapters: number, edition: string) => `# The Self-Hosting Handbook

*${edition}* — Pixel Forge

${handbookChapters.slice(0, chapters).join("\n\n")}
`;

export const sqliteGuide = `# SQLite in Production: A Field Guide

SQLite is not a toy database. It is a library that reads and writes one file — and that is
exactly why it is fast, reliable and easy to operate.

## Turn on WAL

\`\`\`sql
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA busy_timeout = 5000;
\`\`\`

Write-ahead logging lets readers and one writer work at the same time.

## Back up without stopping

Use \`VACUUM INTO 'backup.db'\` or the online backup API; never copy the file while it is written.

## Know when to move on

Many writers on many machines? That is when a client/server database earns its keep.
`;

export function terminalThemes(): string {
  const theme = (name: string, background: string, foreground: string, accents: string[]) => ({
    name,
    background,
    foreground,
    black: "#1c1f24",
    red: accents[0],
    green: accents[1],
    yellow: accents[2],
    blue: accents[3],
    purple: accents[4],
    cyan: accents[5],
    white: "#e6e6e6",
  });
  return (
    JSON.stringify(
      {
        schemes: [
          theme("Forge Ember", "#1b1512", "#f2e6dc", [
            "#e0603a",
            "#9bbf6a",
            "#e8b04b",
            "#6f9fd8",
            "#c580c9",
            "#5fbfb1",
          ]),
          theme("Forge Frost", "#0f1720", "#dce7f2", [
            "#ef6f6c",
            "#7cc49a",
            "#e9c46a",
            "#64a6e8",
            "#a98be0",
            "#56c2d6",
          ]),
          theme("Forge Paper", "#f7f3ea", "#2d2a24", [
            "#b4432f",
            "#4f7f3a",
            "#9a6b12",
            "#2f5f9f",
            "#7c4d94",
            "#2e7f7a",
          ]),
        ],
      },
      null,
      2,
    ) + "\n"
  );
}

/** Formats every Markdown table in `text`: columns padded to the same width. */
export function formatTables(text) {
  const lines = text.split("\n");
  const out = [];
  for (let i = 0; i < lines.length; ) {
    if (!isRow(lines[i])) { out.push(lines[i++]); continue; }
    const block = [];
    while (i < lines.length && isRow(lines[i])) block.push(lines[i++]);
    out.push(...formatBlock(block));
  }
  return out.join("\n");
}

const isRow = (line) => line !== undefined && /^\s*\|.*\|\s*$/.test(line);
const cells = (line) => line.trim().slice(1, -1).split("|").map((c) => c.trim());
const isRule = (row) => row.every((c) => /^:?-+:?$/.test(c));

function formatBlock(block) {
  const rows = block.map(cells);
  const widths = [];
  for (const row of rows)
    row.forEach((c, i) => { if (!isRule([c])) widths[i] = Math.max(widths[i] ?? 3, c.length); });
  return rows.map((row) =>
    "| " + row.map((c, i) => (isRule(row) ? rule(c, widths[i]) : c.padEnd(widths[i]))).join(" | ") + " |",
  );
}

function rule(cell, width) {
  const left = cell.startsWith(":") ? ":" : "-";
  const right = cell.endsWith(":") ? ":" : "-";
  return left + "-".repeat(width - 2) + right;
}

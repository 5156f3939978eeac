import type { DemoFile } from "./demo-data";

function starPoints(): string {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 4 : 9;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${(12 + r * Math.cos(a)).toFixed(2)},${(12.5 + r * Math.sin(a)).toFixed(2)}`;
  }).join(" ");
}

/** 24×24 outline icons as SVG shapes; the demo icon packs draw from this list, in order. */
const SHAPES: Record<string, string[]> = {
  plus: [`<path d="M12 5v14M5 12h14"/>`],
  minus: [`<path d="M5 12h14"/>`],
  close: [`<path d="M6 6l12 12M18 6L6 18"/>`],
  check: [`<path d="M5 12l5 5L20 7"/>`],
  "arrow-right": [`<path d="M5 12h14M13 6l6 6-6 6"/>`],
  "arrow-left": [`<path d="M19 12H5M11 6l-6 6 6 6"/>`],
  "arrow-up": [`<path d="M12 19V5M6 11l6-6 6 6"/>`],
  "arrow-down": [`<path d="M12 5v14M6 13l6 6 6-6"/>`],
  menu: [`<path d="M4 6h16M4 12h16M4 18h16"/>`],
  search: [`<circle cx="11" cy="11" r="7"/>`, `<path d="M21 21l-5-5"/>`],
  home: [`<path d="M3 11l9-8 9 8"/>`, `<path d="M5 9.5V21h14V9.5"/>`],
  mail: [`<rect x="3" y="5" width="18" height="14" rx="2"/>`, `<path d="M3 7l9 6 9-6"/>`],
  user: [`<circle cx="12" cy="8" r="4"/>`, `<path d="M4 21c0-4 4-7 8-7s8 3 8 7"/>`],
  heart: [`<path d="M12 20s-7-4.5-9-9a4.5 4.5 0 0 1 9-3 4.5 4.5 0 0 1 9 3c-2 4.5-9 9-9 9z"/>`],
  star: [`<polygon points="${starPoints()}"/>`],
  bell: [`<path d="M6 16v-5a6 6 0 0 1 12 0v5l2 2H4z"/>`, `<path d="M10 21h4"/>`],
  calendar: [
    `<rect x="3" y="5" width="18" height="16" rx="2"/>`,
    `<path d="M3 10h18M8 3v4M16 3v4"/>`,
  ],
  clock: [`<circle cx="12" cy="12" r="9"/>`, `<path d="M12 7v5l3 3"/>`],
  lock: [
    `<rect x="5" y="11" width="14" height="10" rx="2"/>`,
    `<path d="M8 11V7a4 4 0 0 1 8 0v4"/>`,
  ],
  download: [`<path d="M12 4v12M7 11l5 5 5-5M4 20h16"/>`],
  upload: [`<path d="M12 16V4M7 9l5-5 5 5M4 20h16"/>`],
  folder: [`<path d="M3 6h6l2 2h10v11H3z"/>`],
  file: [`<path d="M6 3h8l4 4v14H6z"/>`, `<path d="M14 3v4h4"/>`],
  cart: [
    `<path d="M3 4h2l2.5 11h11L21 7H6"/>`,
    `<circle cx="9" cy="20" r="1.5"/>`,
    `<circle cx="17" cy="20" r="1.5"/>`,
  ],
  tag: [`<path d="M3 12V4h8l10 10-8 8z"/>`, `<circle cx="7.5" cy="8.5" r="1.5"/>`],
  card: [`<rect x="2" y="5" width="20" height="14" rx="2"/>`, `<path d="M2 10h20M6 15h4"/>`],
  receipt: [`<path d="M5 3h14v18l-3-2-2 2-2-2-2 2-2-2-3 2z"/>`, `<path d="M9 8h6M9 12h6"/>`],
  gift: [
    `<rect x="3" y="8" width="18" height="5"/>`,
    `<path d="M5 13v8h14v-8M12 8v13M12 8c-2-4-6-4-6-1s6 1 6 1 6 2 6-1-4-3-6 1"/>`,
  ],
};

export const ICON_NAMES = Object.keys(SHAPES);

/** One icon as a standalone SVG file; "duotone" adds a soft fill behind the outline. */
export function iconSvg(name: string, style: "line" | "duotone" = "line"): string {
  const shapes = SHAPES[name];
  if (!shapes) throw new Error(`no demo icon named ${name}`);
  const fill =
    style === "duotone"
      ? `  <g fill="currentColor" fill-opacity="0.25" stroke="none">${shapes.join("")}</g>\n`
      : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">
  <title>${name}</title>
${fill}  ${shapes.join("\n  ")}
</svg>
`;
}

/** The files of an icon pack: one SVG per icon and a preview sheet showing them all. */
export function iconPackFiles(names: readonly string[], style: "line" | "duotone"): DemoFile[] {
  const icons = names.map((name) => ({ path: `svg/${name}.svg`, content: iconSvg(name, style) }));
  const preview = `<!doctype html>
<meta charset="utf-8">
<title>Icon preview</title>
<style>
  body { font: 14px system-ui, sans-serif; display: grid; grid-template-columns: repeat(auto-fill, 120px); gap: 16px; padding: 24px; color: #1f2937; }
  figure { margin: 0; text-align: center; } img { width: 48px; height: 48px; }
</style>
${names.map((name) => `<figure><img src="svg/${name}.svg" alt=""><figcaption>${name}</figcaption></figure>`).join("\n")}
`;
  return [...icons, { path: "preview.html", content: preview }];
}

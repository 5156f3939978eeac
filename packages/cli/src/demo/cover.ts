import { seededRandom } from "@digistore/core";
import { PNG } from "pngjs";
import { crc32 } from "node:zlib";

export const COVER_WIDTH = 600;
export const COVER_HEIGHT = 400;

type Rgb = readonly [number, number, number];

/** HSL (hue in degrees, saturation and lightness 0–1) to 0–255 RGB. */
function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** A pixel's colour while it is painted, in 0–255 floats. */
interface Paint {
  r: number;
  g: number;
  b: number;
}

/** Paints `over` onto the pixel colour `under` (changed in place) with opacity `alpha`. */
function blend(under: Paint, over: Rgb, alpha: number): void {
  if (alpha <= 0) return;
  under.r += (over[0] - under.r) * alpha;
  under.g += (over[1] - under.g) * alpha;
  under.b += (over[2] - under.b) * alpha;
}

const distance = (dx: number, dy: number) => Math.sqrt(dx * dx + dy * dy);

/** How much of a shape covers a pixel, from its signed distance (negative inside), antialiased. */
const coverage = (signed: number) => Math.max(0, Math.min(1, 0.5 - signed));

/** One decorative layer over the gradient: paints onto the colour of pixel (x, y). */
type Pattern = (x: number, y: number, colour: Paint) => void;

function orbs(random: () => number, tint: Rgb, accent: Rgb): Pattern {
  const circles = Array.from({ length: 5 + Math.floor(random() * 5) }, () => ({
    cx: random() * COVER_WIDTH,
    cy: random() * COVER_HEIGHT,
    r: 30 + random() * 140,
    alpha: 0.12 + random() * 0.25,
    colour: random() < 0.5 ? tint : accent,
  }));
  return (x, y, colour) => {
    for (const c of circles)
      blend(colour, c.colour, c.alpha * coverage(distance(x - c.cx, y - c.cy) - c.r));
  };
}

function stripes(random: () => number, tint: Rgb): Pattern {
  const angle = random() * Math.PI;
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const width = 30 + random() * 60;
  return (x, y, colour) => {
    const t = (x * dx + y * dy) / width;
    blend(colour, tint, 0.16 * coverage(Math.abs(t - Math.round(t)) * width - width / 4));
  };
}

function dots(random: () => number, tint: Rgb): Pattern {
  const spacing = 28 + Math.floor(random() * 24);
  const [fx, fy] = [random() * COVER_WIDTH, random() * COVER_HEIGHT];
  return (x, y, colour) => {
    const gx = Math.round(x / spacing) * spacing;
    const gy = Math.round(y / spacing) * spacing;
    const radius = Math.max(1, (spacing / 2.6) * (1 - distance(gx - fx, gy - fy) / 800));
    blend(colour, tint, 0.3 * coverage(distance(x - gx, y - gy) - radius));
  };
}

function rings(random: () => number, tint: Rgb): Pattern {
  const [cx, cy] = [random() * COVER_WIDTH, random() * COVER_HEIGHT];
  const gap = 16 + random() * 26;
  return (x, y, colour) => {
    const d = distance(x - cx, y - cy) / gap;
    blend(colour, tint, 0.2 * coverage(Math.abs(d - Math.round(d)) * gap - 3));
  };
}

const PATTERNS: ((random: () => number, tint: Rgb, accent: Rgb) => Pattern)[] = [
  orbs,
  stripes,
  dots,
  rings,
];

/**
 * A 600×400 abstract cover, different for every seed: a two-hue diagonal gradient under one of
 * a few geometric patterns. Returns the PNG file.
 */
export function renderCover(seed: string): Buffer {
  const random = seededRandom(crc32(seed));
  const hue = random() * 360;
  const from = hsl(hue, 0.55 + random() * 0.25, 0.42 + random() * 0.12);
  const to = hsl((hue + 25 + random() * 40) % 360, 0.6 + random() * 0.25, 0.55 + random() * 0.15);
  // Patterns in white, or in a deep shade of the base hue.
  const tint: Rgb = random() < 0.6 ? [255, 255, 255] : hsl(hue, 0.7, 0.2);
  const pattern = PATTERNS[Math.floor(random() * PATTERNS.length)]!(random, tint, to);
  const angle = random() * Math.PI * 2;
  const [gx, gy] = [Math.cos(angle), Math.sin(angle)];
  const span = Math.abs(gx) * COVER_WIDTH + Math.abs(gy) * COVER_HEIGHT;

  const png = new PNG({ width: COVER_WIDTH, height: COVER_HEIGHT });
  const colour: Paint = { r: 0, g: 0, b: 0 };
  for (let y = 0; y < COVER_HEIGHT; y++) {
    for (let x = 0; x < COVER_WIDTH; x++) {
      const t = ((x - COVER_WIDTH / 2) * gx + (y - COVER_HEIGHT / 2) * gy) / span + 0.5;
      colour.r = from[0] + (to[0] - from[0]) * t;
      colour.g = from[1] + (to[1] - from[1]) * t;
      colour.b = from[2] + (to[2] - from[2]) * t;
      pattern(x, y, colour);
      const i = (y * COVER_WIDTH + x) * 4;
      png.data[i] = colour.r;
      png.data[i + 1] = colour.g;
      png.data[i + 2] = colour.b;
      png.data[i + 3] = 255;
    }
  }
  // Opaque, so written as 8-bit RGB: a quarter smaller than RGBA.
  return PNG.sync.write(png, { colorType: 2 });
}

import { describe, expect, it } from "vitest";
import { COVER_HEIGHT, COVER_WIDTH, renderCover } from "./cover";
import { encodePng } from "./png";
import { readPng } from "./testing";

describe("encodePng", () => {
  it("writes a PNG whose pixels decode back exactly", () => {
    const pixels = Uint8Array.from({ length: 5 * 3 * 3 }, (_, i) => (i * 37) % 256);
    const png = encodePng({ width: 5, height: 3, pixels });
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect(png.subarray(-12)).toEqual(
      Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
    );
    const decoded = readPng(png);
    expect([decoded.width, decoded.height]).toEqual([5, 3]);
    expect(decoded.pixels).toEqual(pixels);
  });

  it("refuses pixel data of the wrong size", () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(11) })).toThrow(
      /expected 12 pixel bytes/,
    );
    expect(() => encodePng({ width: 0, height: 2, pixels: new Uint8Array(0) })).toThrow(
      /invalid image size/,
    );
  });
});

describe("renderCover", () => {
  it("draws a 600×400 PNG, the same for one seed and different for another", () => {
    const cover = renderCover("Lumen Line Icons");
    const image = readPng(cover);
    expect([image.width, image.height]).toEqual([COVER_WIDTH, COVER_HEIGHT]);
    expect(new Set(image.pixels).size).toBeGreaterThan(50);
    expect(renderCover("Lumen Line Icons")).toEqual(cover);
    expect(renderCover("Atlas Dashboard UI Kit")).not.toEqual(cover);
    expect(cover.length).toBeLessThan(300 * 1024);
  });
});

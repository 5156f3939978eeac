import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { COVER_HEIGHT, COVER_WIDTH, renderCover } from "./cover";

describe("renderCover", () => {
  it("draws a 600×400 PNG, the same for one seed and different for another", () => {
    const cover = renderCover("Lumen Line Icons");
    const image = PNG.sync.read(cover);
    expect([image.width, image.height]).toEqual([COVER_WIDTH, COVER_HEIGHT]);
    // 8-bit truecolour without alpha (pngjs hands every image back as RGBA).
    expect([image.depth, image.colorType]).toEqual([8, 2]);
    expect(new Set(image.data).size).toBeGreaterThan(50);
    expect(renderCover("Lumen Line Icons")).toEqual(cover);
    expect(renderCover("Atlas Dashboard UI Kit")).not.toEqual(cover);
    expect(cover.length).toBeLessThan(300 * 1024);
  });
});

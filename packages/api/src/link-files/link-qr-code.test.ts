import { describe, expect, it } from "vitest";
import { linkQrCode } from "./link-qr-code";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("link QR codes", () => {
  it("draws the short link as SVG and as PNG", async () => {
    const svg = await linkQrCode("https://shop.example.com/s/launch", "svg");
    expect(svg.contentType).toBe("image/svg+xml");
    expect(svg.body.toString()).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);

    const png = await linkQrCode("https://shop.example.com/s/launch", "png");
    expect(png.contentType).toBe("image/png");
    expect(png.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR width, big-endian at byte 16: the requested 1024 pixels.
    expect(png.body.readUInt32BE(16)).toBe(1024);
  });

  it("encodes different links differently", async () => {
    const a = await linkQrCode("https://shop.example.com/s/a", "svg");
    const b = await linkQrCode("https://shop.example.com/s/b", "svg");
    expect(a.body.equals(b.body)).toBe(false);
  });
});

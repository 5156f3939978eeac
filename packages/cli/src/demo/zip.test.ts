import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readZip } from "./testing";
import { createZip } from "./zip";

/** The CRC-32 in each local header, in order: fflate's reader does not check them. */
function localCrcs(zip: Buffer): number[] {
  const crcs: number[] = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    crcs.push(zip.readUInt32LE(at + 14));
    at += 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28) + zip.readUInt32LE(at + 18);
  }
  return crcs;
}

describe("createZip", () => {
  it("writes entries any reader can list and extract, CRCs included", () => {
    const noise = randomBytes(2000);
    const zip = createZip(
      [
        { path: "kit/README.md", content: "# Kit\n\n".repeat(50) },
        { path: "kit/notes – ünicode.txt", content: "héllo" },
        { path: "kit/noise.bin", content: noise },
      ],
      new Date("2026-11-21T10:30:00Z"),
    );
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const entries = readZip(zip);
    expect(entries.map((e) => e.path)).toEqual([
      "kit/README.md",
      "kit/notes – ünicode.txt",
      "kit/noise.bin",
    ]);
    expect(entries[0]!.content.toString()).toBe("# Kit\n\n".repeat(50));
    expect(entries[1]!.content.toString()).toBe("héllo");
    expect(entries[2]!.content).toEqual(noise);
    expect(localCrcs(zip)).toEqual(entries.map((e) => crc32(e.content)));
    // Deflated when that makes it smaller (method 8), else stored (method 0).
    expect(entries.map((e) => e.method)).toEqual([8, 0, 0]);
  });

  it("stamps entries with the given date in MS-DOS format", () => {
    const zip = createZip([{ path: "a.txt", content: "a" }], new Date("2026-11-21T10:30:00Z"));
    const time = zip.readUInt16LE(10);
    const date = zip.readUInt16LE(12);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 11, 21]);
    expect([time >> 11, (time >> 5) & 63]).toEqual([10, 30]);
  });

  it("makes a valid empty archive", () => {
    expect(readZip(createZip([], new Date()))).toEqual([]);
  });
});

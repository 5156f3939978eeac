import { inflateRawSync, inflateSync } from "node:zlib";
import { crc32 } from "node:zlib";
import type { RgbImage } from "./png";

/**
 * Test readers for the files the demo makes, checking every CRC on the way: a PNG as written
 * by `encodePng` (8-bit RGB, filters None or Sub) and any ZIP without ZIP64.
 */
export function readPng(file: Buffer): RgbImage {
  if (!file.subarray(0, 8).equals(Buffer.from("\x89PNG\r\n\x1a\n", "latin1")))
    throw new Error("not a PNG signature");
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== file.readUInt32BE(at + 8 + length))
      throw new Error(`bad CRC in chunk at ${at}`);
    chunks.push({
      type: typeAndData.subarray(0, 4).toString("latin1"),
      data: typeAndData.subarray(4),
    });
    at += 12 + length;
  }
  const [header] = chunks;
  if (header?.type !== "IHDR" || chunks.at(-1)?.type !== "IEND") throw new Error("bad chunk order");
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  if (header.data[8] !== 8 || header.data[9] !== 2) throw new Error("not 8-bit RGB");
  const raw = inflateSync(
    Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)),
  );
  const stride = width * 3;
  if (raw.length !== (stride + 1) * height) throw new Error("wrong amount of image data");
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    if (filter !== 0 && filter !== 1) throw new Error(`filter ${filter} not supported`);
    for (let x = 0; x < stride; x++) {
      const left = filter === 1 && x >= 3 ? pixels[y * stride + x - 3]! : 0;
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + left) & 0xff;
    }
  }
  return { width, height, pixels };
}

export interface ZipEntryRead {
  readonly path: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly content: Buffer;
}

export function readZip(file: Buffer): ZipEntryRead[] {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("no end of central directory");
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const entries: ZipEntryRead[] = [];
  for (let i = 0; i < count; i++) {
    if (file.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = file.readUInt16LE(at + 10);
    const crc = file.readUInt32LE(at + 16);
    const compressedSize = file.readUInt32LE(at + 20);
    const size = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const skip = nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    const path = file.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = file.readUInt32LE(at + 42);
    if (file.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${path}`);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const body = file.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`unknown method ${method} for ${path}`);
    const content = method === 8 ? inflateRawSync(body) : body;
    if (content.length !== size || crc32(content) !== crc) throw new Error(`bad CRC for ${path}`);
    entries.push({ path, method, content });
    at += 46 + skip;
  }
  return entries;
}

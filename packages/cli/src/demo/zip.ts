import { deflateSync, strToU8, zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  readonly path: string;
  readonly content: string | Buffer;
}

/**
 * A ZIP archive (fflate): each entry deflated when that makes it smaller, else stored, all
 * stamped with `modified` as UTC wall time (fflate writes the local wall time of the Date).
 */
export function createZip(entries: readonly ZipEntry[], modified: Date): Buffer {
  const mtime = new Date(
    modified.getUTCFullYear(),
    modified.getUTCMonth(),
    modified.getUTCDate(),
    modified.getUTCHours(),
    modified.getUTCMinutes(),
    modified.getUTCSeconds(),
  );
  const files: Zippable = {};
  for (const { path, content } of entries) {
    const data = typeof content === "string" ? strToU8(content) : new Uint8Array(content);
    const level = deflateSync(data).length < data.length ? 6 : 0;
    files[path] = [data, { level, mtime }];
  }
  return Buffer.from(zipSync(files));
}

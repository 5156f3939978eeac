import { unzipSync } from "fflate";

export interface ZipEntryRead {
  readonly path: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly content: Buffer;
}

/** The entries of a ZIP the demo made, in archive order, read back with fflate. */
export function readZip(file: Buffer): ZipEntryRead[] {
  const methods: number[] = [];
  const files = unzipSync(file, {
    filter: ({ compression }) => methods.push(compression) > 0,
  });
  return Object.entries(files).map(([path, content], i) => ({
    path,
    method: methods[i]!,
    content: Buffer.from(content),
  }));
}

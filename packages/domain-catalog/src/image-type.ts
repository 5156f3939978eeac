import { fileTypeFromBuffer } from "file-type";
import { Readable } from "node:stream";

/** Enough of the file for every signature file-type knows. */
const SAMPLE_BYTES = 4100;

/** Raster formats every browser shows and none runs a script from (no SVG, no HTML). */
const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = Object.freeze({
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/gif": "gif",
});

export const IMAGE_TYPE_OF_EXTENSION: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(IMAGE_EXTENSIONS).map(([type, ext]) => [ext, type])),
);

export const ALLOWED_IMAGES_TEXT = "a PNG, JPEG, WebP, AVIF or GIF image";

export interface SniffedImage {
  readonly mime: string;
  readonly extension: string;
  /** The whole upload again, from its first byte. */
  readonly body: Readable;
}

/**
 * What an uploaded image really is, judged by its bytes — the declared content type is the
 * uploader's claim, and HTML declared `image/png` is still HTML. Null for anything that is not
 * one of the allowed formats.
 */
export async function sniffImage(upload: Readable): Promise<SniffedImage | null> {
  // Async iteration, not a 'readable' listener: an upload that already ended (an empty file)
  // must still be answered.
  const chunks = upload[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SAMPLE_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const sample = Buffer.concat(head);
  const mime = (await fileTypeFromBuffer(sample))?.mime;
  const extension = mime ? IMAGE_EXTENSIONS[mime] : undefined;
  if (!mime || !extension) {
    if (!done) void drain(chunks);
    return null;
  }
  return { mime, extension, body: Readable.from(replay(sample, done ? null : chunks)) };
}

/** The sampled head again, then the rest of the upload as it arrives. */
async function* replay(head: Buffer, rest: AsyncIterator<Buffer> | null): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  if (!rest) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Reads a refused upload to its end so the request completes and the refusal is answered. */
async function drain(rest: AsyncIterator<Buffer>): Promise<void> {
  try {
    while (!(await rest.next()).done);
  } catch {
    // The client went away: nothing left to answer.
  }
}

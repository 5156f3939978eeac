// The Node entry point by name: bundler-style type resolution would pick the web one.
import { fileTypeStream } from "file-type/node";
import type { Readable } from "node:stream";

/** Raster formats every browser shows and none runs a script from (no SVG, no HTML). */
export const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = Object.freeze({
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
  const body = await fileTypeStream(upload, { sampleSize: 4100 });
  const mime = body.fileType?.mime;
  const extension = mime ? IMAGE_EXTENSIONS[mime] : undefined;
  if (!mime || !extension) {
    body.resume();
    return null;
  }
  return { mime, extension, body };
}

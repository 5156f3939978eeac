import type { Readable } from "node:stream";

/**
 * A file the web server sends as a download (a CSV, a QR code): not JSON, so outside tRPC.
 * A large one is a stream, so memory holds a batch of it at a time.
 */
export interface StoreFile {
  readonly filename: string;
  readonly contentType: string;
  readonly body: Buffer | string | Readable;
}

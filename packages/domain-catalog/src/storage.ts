import type { Readable } from "node:stream";

export interface StoredObject {
  readonly size: number;
  readonly sha256: string;
}

export interface ByteRange {
  /** Inclusive byte offsets, as in HTTP Range. */
  readonly start: number;
  readonly end: number;
}

/**
 * Where product files and covers live. Bodies are streams end to end: nothing is buffered
 * whole in memory, whatever the file size.
 */
export interface FileStorage {
  /** Streams `body` to `key`, failing (and keeping nothing) past `maxBytes`. */
  put(key: string, body: Readable, options: { maxBytes: number }): Promise<StoredObject>;
  /** The object's bytes (all, or one range) and its total size; null when absent. */
  get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number } | null>;
  delete(key: string): Promise<void>;
  /** Object stores hand out presigned URLs; local disk has none and is streamed instead. */
  signedUrl?(key: string, options: { expiresInSeconds: number; fileName: string }): Promise<string>;
  describe(): string;
}

export class FileTooLargeError extends Error {
  override name = "FileTooLargeError";

  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
  }
}

export class InvalidStorageKeyError extends Error {
  override name = "InvalidStorageKeyError";
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)*$/;

/** Keys are made by the app, never by users; this still refuses anything path-like. */
export function assertStorageKey(key: string): void {
  if (
    key.length > 300 ||
    !KEY.test(key) ||
    key.split("/").some((part) => part === ".." || part === ".")
  ) {
    throw new InvalidStorageKeyError(`invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}

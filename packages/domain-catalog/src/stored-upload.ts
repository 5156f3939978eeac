import { ValidationError, formatBytes } from "@digistore/core";
import type { Readable } from "node:stream";
import { FileTooLargeError, type FileStorage, type StoredObject } from "./storage";

/** Streams an upload into storage; oversize and empty files are refused with a clear message. */
export async function storeUpload(
  storage: FileStorage,
  key: string,
  body: Readable,
  maxBytes: number,
): Promise<StoredObject> {
  let stored: StoredObject;
  try {
    stored = await storage.put(key, body, { maxBytes });
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      const message = `The file is larger than the ${formatBytes(maxBytes)} limit.`;
      throw new ValidationError(message, { file: [message] });
    }
    throw error;
  }
  if (stored.size === 0) {
    await storage.delete(key);
    throw new ValidationError("The file is empty.", { file: ["The file is empty."] });
  }
  return stored;
}

import busboy from "busboy";
import type { Request } from "express";
import type { Readable } from "node:stream";

export interface UploadedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Readable;
}

export class UploadRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Streams one file field out of a multipart request into `consume`, with the text fields that
 * came before it. Nothing is buffered: the file goes straight from the socket to storage.
 */
export function receiveUpload<T>(
  req: Request,
  fileField: string,
  consume: (fields: Record<string, string>, file: UploadedFile) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 20, fieldSize: 20_000 },
      });
    } catch {
      reject(new UploadRequestError("Send the file as multipart/form-data.", 415));
      return;
    }
    const fields: Record<string, string> = {};
    let handled = false;
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== fileField || handled || !info.filename) {
        stream.resume();
        return;
      }
      handled = true;
      consume(fields, { fileName: info.filename, contentType: info.mimeType, body: stream })
        .then(resolve)
        .catch((error: unknown) => {
          stream.resume();
          reject(error instanceof Error ? error : new Error("upload failed"));
        });
    });
    parser.on("error", () =>
      reject(new UploadRequestError("The upload was interrupted or malformed.", 400)),
    );
    parser.on("close", () => {
      if (!handled) reject(new UploadRequestError("Choose a file to upload.", 400));
    });
    req.pipe(parser);
  });
}

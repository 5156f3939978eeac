import type { IncomingMessage } from "node:http";
import { DodoApiError } from "../errors";

const MAX_BODY_BYTES = 1024 * 1024;

async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new DodoApiError(413, "PAYLOAD_TOO_LARGE", "Request body is larger than 1 MiB");
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The request's body: JSON, or a form the hosted page posts (`application/x-www-form-urlencoded`,
 * as a record of its fields). When a framework in front (e.g. `express.json()`) already read the
 * stream, its parsed `req.body` is used instead.
 */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const preParsed = (req as IncomingMessage & { body?: unknown }).body;
  if (req.readableEnded && preParsed !== undefined) {
    if (typeof preParsed === "string" || Buffer.isBuffer(preParsed)) {
      return parseJson(preParsed.toString());
    }
    return preParsed;
  }
  const raw = await readRaw(req);
  if (req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  return parseJson(raw);
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DodoApiError(400, "INVALID_JSON", "Request body is not valid JSON");
  }
}

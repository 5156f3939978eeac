import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The id pino-http assigned to this request (always a string: see requestIdFor). */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  return typeof req.id === "string" ? req.id : "unassigned";
}

const SAFE_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Reuse a proxy's id when it is sane (so logs join up across hops), otherwise mint one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && SAFE_ID.test(incoming) ? incoming : randomUUID();
}

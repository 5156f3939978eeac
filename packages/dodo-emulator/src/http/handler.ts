import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DodoApiError } from "../errors";
import { readBody } from "./body";
import { json, writeReply, type Reply } from "./reply";
import { matchRoute, type RequestContext, type Route } from "./router";

export interface RequestHandlerOptions {
  readonly routes: readonly Route[];
  readonly apiKey: string;
  /** Stripped from the path when present, e.g. `/_dodo`; `""` for none. */
  readonly basePath: string;
  readonly origin: (req: IncomingMessage) => string;
}

export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const PLACEHOLDER_ORIGIN = "http://emulator.invalid";

/**
 * Where the request is inside the emulator. Works both when the full URL arrives
 * (`/_dodo/checkouts`, a plain server delegating by prefix) and when a framework already
 * stripped the mount point (Express `app.use("/_dodo", handler)` leaves `/checkouts` in
 * `req.url` and the full path in `req.originalUrl`).
 */
function locate(req: IncomingMessage, basePath: string) {
  const url = new URL(req.url ?? "/", PLACEHOLDER_ORIGIN);
  let path = url.pathname;
  if (basePath !== "" && (path === basePath || path.startsWith(`${basePath}/`))) {
    path = path.slice(basePath.length) || "/";
  }
  const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl;
  const fullPath = original ? new URL(original, PLACEHOLDER_ORIGIN).pathname : url.pathname;
  const mountPrefix = fullPath.endsWith(path)
    ? fullPath.slice(0, fullPath.length - path.length)
    : basePath;
  return { path, query: url.searchParams, mountPrefix };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function authorized(header: string | undefined, apiKey: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), digest(apiKey));
}

function errorReply(error: unknown): Reply {
  if (error instanceof DodoApiError) return json(error.status, error.toJSON());
  const message = error instanceof Error ? error.message : String(error);
  return json(500, { code: "INTERNAL_SERVER_ERROR", message });
}

async function handle(req: IncomingMessage, options: RequestHandlerOptions): Promise<Reply> {
  const method = (req.method ?? "GET").toUpperCase();
  const { path, query, mountPrefix } = locate(req, options.basePath);
  const match = matchRoute(options.routes, method, path);
  if (match.kind === "not_found") {
    return json(404, { code: "NOT_FOUND", message: `No route for ${method} ${path}` });
  }
  if (match.kind === "method_not_allowed") {
    return {
      ...json(405, { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed on ${path}` }),
      headers: { "content-type": "application/json; charset=utf-8", allow: match.allow.join(", ") },
    };
  }
  if (match.route.auth && !authorized(req.headers.authorization, options.apiKey)) {
    return json(401, {
      code: "UNAUTHORIZED",
      message: "Missing or invalid API key: send it as `Authorization: Bearer <key>`",
    });
  }
  const context: RequestContext = {
    method,
    path,
    params: match.params,
    query,
    headers: req.headers,
    mountPrefix,
    origin: options.origin(req),
    body: () => readBody(req),
  };
  return match.route.handler(context);
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  options: RequestHandlerOptions,
): Promise<void> {
  let reply: Reply;
  try {
    reply = await handle(req, options);
  } catch (error) {
    reply = errorReply(error);
  }
  if (!res.headersSent) writeReply(res, reply);
  // Drain what a route did not read so keep-alive connections stay usable.
  if (!req.readableEnded) req.resume();
}

/** A plain `node:http` request listener (also usable as Express middleware). */
export function createRequestHandler(options: RequestHandlerOptions): NodeRequestListener {
  return (req, res) => {
    void respond(req, res, options);
  };
}

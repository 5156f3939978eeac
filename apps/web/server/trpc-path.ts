import type { RequestHandler } from "express";
import { TRPC_PATH } from "../app/lib/trpc-endpoint";

export { MAX_TRPC_BATCH, TRPC_PATH } from "../app/lib/trpc-endpoint";

/** Whether a (canonical) path is served by tRPC: the segment itself, not a prefix of a name. */
export function isTrpcPath(path: string): boolean {
  return path === TRPC_PATH || path.startsWith(`${TRPC_PATH}/`);
}

/**
 * tRPC mutations arrive as JSON only. Form and multipart bodies are what a foreign page can
 * send without a CORS preflight, so refusing them here is a second wall behind the origin
 * check; no procedure takes a file (uploads have their own streaming routes).
 */
export function trpcRequestGuard(): RequestHandler {
  return (req, res, next) => {
    const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (req.method === "GET" || req.method === "HEAD" || type === "application/json") return next();
    res
      .status(415)
      .set("cache-control", "no-store")
      .json({
        error: {
          message: "API calls that change something must send a JSON body (application/json).",
          code: "UNSUPPORTED_MEDIA_TYPE",
        },
      });
  };
}

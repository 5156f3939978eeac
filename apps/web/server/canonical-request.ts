import { canonicalPath } from "@digistore/core";
import type { RequestHandler } from "express";

/**
 * The front door: every request is served under exactly one spelling of its path
 * (`canonicalPath`), so the maintenance gate, the origin check and the routers that come
 * after it all judge the same string — `/api/trpcx/../../account` cannot pass a prefix check
 * as one path and be routed as another. Other spellings of a page get a redirect to the
 * canonical one; a state-changing request with one is refused, never re-routed.
 */
export function canonicalRequest(): RequestHandler {
  return (req, res, next) => {
    const query = req.url.indexOf("?");
    const rawPath = query === -1 ? req.url : req.url.slice(0, query);
    const path = canonicalPath(rawPath);
    if (path === rawPath) return next();
    res.set("cache-control", "no-store");
    if (path !== null && (req.method === "GET" || req.method === "HEAD")) {
      res.redirect(308, `${path}${query === -1 ? "" : req.url.slice(query)}`);
      return;
    }
    res
      .status(400)
      .type("text/plain")
      .send(
        path === null
          ? "Bad request: the address is not a path on this site."
          : `Bad request: send this to ${path} instead.`,
      );
  };
}

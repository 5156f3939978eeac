import type { RequestHandler } from "express";

/** Requests that change nothing; every other method reaches an action (Remix runs one for any). */
const SAFE_METHODS = new Set(["GET", "HEAD"]);

interface OriginEvidence {
  readonly method: string;
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  readonly referer: string | undefined;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request may change state: it must prove it was sent by one of our own pages.
 * `Origin` decides when present (`null` — sandboxed frames, privacy redirects — is foreign);
 * without it, `Sec-Fetch-Site: same-origin`, then a `Referer` from our origin. No evidence at
 * all is refused: SameSite=Lax stops other sites, not sibling origins on the same site.
 */
function isSameOriginRequest(
  request: OriginEvidence,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.origin !== undefined) {
    const origin = originOf(request.origin);
    return origin !== null && allowedOrigins.has(origin);
  }
  if (request.secFetchSite !== undefined) return request.secFetchSite === "same-origin";
  if (request.referer !== undefined) {
    const origin = originOf(request.referer);
    return origin !== null && allowedOrigins.has(origin);
  }
  return false;
}

/** Paths whose callers are servers that authenticate themselves (signed webhooks). */
function isExempt(path: string, exemptPrefixes: readonly string[]): boolean {
  return exemptPrefixes.some((prefix) => path.startsWith(prefix));
}

/**
 * Server-side CSRF defence for every state-changing entry point — Remix actions as documents,
 * `?_data=` and `.data` requests, resource routes, tRPC in any content type, uploads. The
 * store's public origin is allowed, and so is the origin the request was addressed to (a
 * browser sets Host itself, so a foreign page cannot claim ours).
 */
export function sameOriginGuard(
  publicUrl: string,
  exemptPrefixes: readonly string[] = ["/webhooks/"],
): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isExempt(req.path, exemptPrefixes)) return next();
    const host = req.get("host");
    const allowed = new Set([publicOrigin]);
    if (host) {
      const self = originOf(`${req.protocol}://${host}`);
      if (self) allowed.add(self);
    }
    const evidence = {
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      referer: req.get("referer"),
    };
    if (isSameOriginRequest(evidence, allowed)) return next();
    res
      .status(403)
      .set("cache-control", "no-store")
      .type("text/plain")
      .send("Forbidden: this request did not come from this store's own pages.");
  };
}

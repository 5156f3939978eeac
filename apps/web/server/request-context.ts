import { createContext, type AppServices, type Context } from "@digistore/api";
import type { Request, Response } from "express";
import { requestIdOf } from "./request-id";
import { ATTRIBUTION_COOKIE, BYPASS_COOKIE_NAME } from "@digistore/api";
import { expressSessionCookie, readCookie, readSessionToken } from "./session-cookie";

export interface WebOptions {
  /** Cookies get `Secure` when the public URL is https. */
  readonly secureCookies: boolean;
}

// Whoever asks first (the maintenance gate, tRPC, Remix) resolves the session; the others
// reuse it, so a request costs one session lookup however many layers want to know the caller.
const contexts = new WeakMap<Request, Promise<Context>>();

/** One request → one API context, the same for tRPC over HTTP and for Remix loaders. */
export function contextForRequest(
  services: AppServices,
  options: WebOptions,
  req: Request,
  res: Response,
): Promise<Context> {
  let context = contexts.get(req);
  if (!context) {
    context = createContext(services, {
      requestId: requestIdOf(req),
      ip: req.ip,
      userAgent: req.get("user-agent"),
      sessionToken: readSessionToken(req),
      sessionCookie: expressSessionCookie(res, options.secureCookies),
      bypassCookie: readCookie(req, BYPASS_COOKIE_NAME),
      attributionCookie: readCookie(req, ATTRIBUTION_COOKIE),
    });
    contexts.set(req, context);
  }
  return context;
}

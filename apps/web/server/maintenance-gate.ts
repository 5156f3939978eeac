import {
  BYPASS_COOKIE_NAME,
  BYPASS_COOKIE_TTL_MS,
  decidePageAccess,
  httpStatusOf,
  redeemBypassKey,
  type AppServices,
} from "@digistore/api";
import { isDomainError } from "@digistore/core";
import { serialize } from "cookie";
import type { RequestHandler } from "express";
import { asyncHandler } from "./async-handler";
import { maintenancePage } from "./maintenance-page";
import { contextForRequest, type WebOptions } from "./request-context";
import { readCookie } from "./session-cookie";
import { isTrpcPath } from "./trpc-path";

/**
 * `?bypass=<key>` on any URL: a valid key earns a 24 h HttpOnly cookie and a redirect to the
 * same URL without the key (so it never lingers in history or logs); a wrong one is refused.
 */
export function bypassKeyHandler(
  services: AppServices,
  web: WebOptions,
  storeName: string,
): RequestHandler {
  return asyncHandler(async (req, res, next) => {
    // Cheap test first: almost no request carries the parameter.
    if (!req.originalUrl.includes("bypass=")) return next();
    try {
      const granted = await redeemBypassKey(services, req.originalUrl, req.ip);
      if (!granted) return next();
      res.append(
        "Set-Cookie",
        serialize(BYPASS_COOKIE_NAME, granted.cookieValue, {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: web.secureCookies,
          maxAge: BYPASS_COOKIE_TTL_MS / 1000,
        }),
      );
      res.redirect(302, granted.redirectTo);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      res
        .status(httpStatusOf(error))
        .type("html")
        .send(
          maintenancePage(
            {
              enabled: true,
              message: error.message,
              expectedBackAt: null,
              changedAt: null,
              changedBy: null,
            },
            storeName,
          ),
        );
    }
  });
}

/**
 * The page half of maintenance mode (the API half is a tRPC middleware; both ask the same
 * decision function). While off it costs one cached read and nothing else.
 */
export function maintenanceGate(
  services: AppServices,
  web: WebOptions,
  storeName: string,
): RequestHandler {
  return asyncHandler(async (req, res, next) => {
    if (isTrpcPath(req.path)) return next();
    const gate = await decidePageAccess(
      services,
      { path: req.path, bypassCookie: readCookie(req, BYPASS_COOKIE_NAME) },
      // The request's own context: the page rendered next reuses the session looked up here.
      async () => {
        const { user } = await contextForRequest(services, web, req, res);
        return user?.roles.staff === true;
      },
    );
    if (!gate) return next();
    const { decision, maintenance } = gate;
    if (decision.allowed) return next();
    res
      .status(503)
      .set({ "retry-after": String(decision.retryAfterSeconds), "cache-control": "no-store" })
      .type("html")
      .send(maintenancePage(maintenance, storeName));
  });
}

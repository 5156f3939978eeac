import { followShortLink, type AppServices, type ShortLinkAnswer } from "@digistore/api";
import type { TrustProxy } from "@digistore/config";
import { serialize } from "cookie";
import express from "express";
import type { IncomingMessage } from "node:http";
import { asyncHandler } from "./async-handler";
import { clientAddress, compileTrust } from "./client-address";
import type { FastRoute } from "./front-door";
import { messagePage } from "./message-page";
import type { WebOptions } from "./request-context";

// Only believed behind a proxy the operator named (TRUST_PROXY): anyone can send these headers.
const COUNTRY_HEADERS = ["cf-ipcountry", "cloudfront-viewer-country", "x-vercel-ip-country"];

function countryOf(req: IncomingMessage, trustProxy: TrustProxy): string | undefined {
  if (!trustProxy) return undefined;
  for (const header of COUNTRY_HEADERS) {
    const value = req.headers[header];
    if (typeof value === "string" && value) return value;
  }
  return undefined;
}

const PAGES = {
  unknown: { title: "Link not found", message: "There is no link at this address." },
  disabled: { title: "Link disabled", message: "This link was disabled." },
  expired: { title: "Link expired", message: "This link has expired." },
} as const;

type Redirect = Extract<ShortLinkAnswer, { status: 302 }>;

/**
 * A short link's path in the only spelling the front door takes: slug characters only (so it
 * is canonical as written), optionally a trailing slash as Express's non-strict routing has it.
 */
const FAST_SHORT_LINK_PATH = /^\/s\/([A-Za-z0-9_-]{1,64})\/?$/;

/** The redirect's headers, whichever server path answers it. */
function redirectHeaders(answer: Redirect, web: WebOptions): Record<string, string> {
  // Never cached anywhere: every visit is a click, and a link's target can change.
  const headers: Record<string, string> = {
    location: answer.location,
    "cache-control": "no-store",
  };
  if (answer.attribution) {
    const { name, value, maxAgeMs } = answer.attribution;
    headers["set-cookie"] = serialize(name, value, {
      maxAge: Math.floor(maxAgeMs / 1000),
      expires: new Date(Date.now() + maxAgeMs),
      httpOnly: true,
      sameSite: "lax",
      secure: web.secureCookies,
      path: "/",
    });
  }
  return headers;
}

/** Follows a link as the visitor behind `req`, under the operator's proxy trust. */
function linkFollower(services: AppServices, trustProxy: TrustProxy) {
  const trust = compileTrust(trustProxy);
  return (req: IncomingMessage, slug: string) =>
    followShortLink(services, {
      slug,
      referrer: req.headers.referer,
      userAgent: req.headers["user-agent"],
      ip: clientAddress(req, trust),
      country: countryOf(req, trustProxy),
    });
}

/**
 * `GET /s/:slug` on the front door: a live link's redirect without Express. Unknown, disabled
 * and expired links (pages) and any slug that needs decoding go on to `shortLinkRoutes`.
 */
export function shortLinkFastRoute(
  services: AppServices,
  web: WebOptions,
  trustProxy: TrustProxy,
): FastRoute {
  const follow = linkFollower(services, trustProxy);
  return {
    matches: (method, path) =>
      (method === "GET" || method === "HEAD") && FAST_SHORT_LINK_PATH.test(path),
    async answer(req, path) {
      const slug = FAST_SHORT_LINK_PATH.exec(path)![1]!;
      const answer = await follow(req, slug);
      return answer.status === 302 ? { status: 302, headers: redirectHeaders(answer, web) } : null;
    },
  };
}

/**
 * `GET /s/:slug`, ahead of the maintenance gate: a campaign link to another site keeps
 * working during maintenance; one to this store lands on the store, which the gate answers.
 */
export function shortLinkRoutes(
  services: AppServices,
  web: WebOptions,
  storeName: string,
  trustProxy: TrustProxy,
) {
  const follow = linkFollower(services, trustProxy);
  const router = express.Router({ caseSensitive: true, strict: false });
  router.get(
    "/s/:slug",
    asyncHandler(async (req, res) => {
      const answer = await follow(req, req.params.slug!);
      if (answer.status === 302) {
        res.status(302).set(redirectHeaders(answer, web)).end();
        return;
      }
      res
        .status(answer.status)
        .set("cache-control", "no-store")
        .set("x-robots-tag", "noindex")
        .type("html")
        .send(
          messagePage(storeName, {
            ...PAGES[answer.page],
            link: { href: "/", label: "Go to the store" },
          }),
        );
    }),
  );
  return router;
}

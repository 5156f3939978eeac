import { followShortLink, type AppServices } from "@digistore/api";
import express, { type Request } from "express";
import { asyncHandler } from "./async-handler";
import { messagePage } from "./message-page";
import type { WebOptions } from "./request-context";

// Only believed behind a proxy the operator named (TRUST_PROXY): anyone can send these headers.
const COUNTRY_HEADERS = ["cf-ipcountry", "cloudfront-viewer-country", "x-vercel-ip-country"];

function countryOf(req: Request): string | undefined {
  if (!req.app.get("trust proxy")) return undefined;
  for (const header of COUNTRY_HEADERS) {
    const value = req.get(header);
    if (value) return value;
  }
  return undefined;
}

const PAGES = {
  unknown: { title: "Link not found", message: "There is no link at this address." },
  disabled: { title: "Link disabled", message: "This link was disabled." },
  expired: { title: "Link expired", message: "This link has expired." },
} as const;

/**
 * `GET /s/:slug`, ahead of the maintenance gate: a campaign link to another site keeps
 * working during maintenance; one to this store lands on the store, which the gate answers.
 */
export function shortLinkRoutes(services: AppServices, web: WebOptions, storeName: string) {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.get(
    "/s/:slug",
    asyncHandler(async (req, res) => {
      const answer = await followShortLink(services, {
        slug: req.params.slug!,
        referrer: req.get("referer"),
        userAgent: req.get("user-agent"),
        ip: req.ip,
        country: countryOf(req),
      });
      // Never cached anywhere: every visit is a click, and a link's target can change.
      res.set("cache-control", "no-store");
      if (answer.status === 302) {
        if (answer.attribution) {
          res.cookie(answer.attribution.name, answer.attribution.value, {
            maxAge: answer.attribution.maxAgeMs,
            httpOnly: true,
            sameSite: "lax",
            secure: web.secureCookies,
            path: "/",
          });
        }
        res.redirect(302, answer.location);
        return;
      }
      res
        .status(answer.status)
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

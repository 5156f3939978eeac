import {
  ATTRIBUTION_COOKIE,
  ATTRIBUTION_WINDOW_MS,
  attributionCookieValue,
} from "@digistore/domain-shorturl";
import type { AppServices } from "./context";

export interface ShortLinkVisit {
  readonly slug: string;
  readonly referrer?: string | undefined;
  readonly userAgent?: string | undefined;
  readonly ip?: string | undefined;
  /** From a trusted proxy's header only (the web server decides whether to believe it). */
  readonly country?: string | undefined;
}

export type ShortLinkAnswer =
  | {
      readonly status: 302;
      readonly location: string;
      /** Set when the destination is this store: last click wins, for 30 days. */
      readonly attribution: { name: string; value: string; maxAgeMs: number } | null;
    }
  | { readonly status: 404 | 410; readonly page: "unknown" | "disabled" | "expired" };

/**
 * `GET /s/:slug`: answer from the per-process cache and queue the click; the database is not
 * on this path unless the cache is cold. Only real redirects count as clicks.
 */
export async function followShortLink(
  services: Pick<AppServices, "links" | "clicks" | "clock">,
  visit: ShortLinkVisit,
): Promise<ShortLinkAnswer> {
  const found = await services.links.resolve(visit.slug);
  if (found.kind === "unknown") return { status: 404, page: "unknown" };
  if (found.kind === "disabled") return { status: 404, page: "disabled" };
  if (found.kind === "expired") return { status: 410, page: "expired" };
  const at = services.clock.now();
  services.clicks.record({
    linkId: found.linkId,
    at,
    referrer: visit.referrer,
    userAgent: visit.userAgent,
    ip: visit.ip,
    country: visit.country,
  });
  return {
    status: 302,
    location: found.destination,
    attribution: found.onStore
      ? {
          name: ATTRIBUTION_COOKIE,
          value: attributionCookieValue(found.linkId, at),
          maxAgeMs: ATTRIBUTION_WINDOW_MS,
        }
      : null,
  };
}

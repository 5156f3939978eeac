import type { ShortLinkDisabledBy, ShortLinksTable } from "@digistore/db";
import { UTM_FIELDS, type UtmTags } from "./target-url";

/** What a visitor of `/s/<slug>` gets: sent on, told it is disabled, or told it is gone. */
export type ShortLinkState = "active" | "disabled" | "expired";

export interface ShortLink {
  readonly id: string;
  readonly ownerId: string;
  readonly slug: string;
  readonly shortUrl: string;
  /** The address as entered (or the product's page), before UTM tags. */
  readonly target: string;
  /** Where the redirect sends visitors: the target with its UTM tags. */
  readonly destination: string;
  readonly productId: string | null;
  readonly utm: Required<UtmTags>;
  readonly expiresAt: string | null;
  readonly state: ShortLinkState;
  readonly disabledBy: ShortLinkDisabledBy | null;
  /** Shown to the owner when staff disabled the link. */
  readonly disabledReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function shortLinkState(
  row: Pick<ShortLinksTable, "disabled_at" | "expires_at">,
  now: Date,
): ShortLinkState {
  if (row.disabled_at) return "disabled";
  if (row.expires_at && row.expires_at <= now.toISOString()) return "expired";
  return "active";
}

export function utmOf(row: ShortLinksTable): Required<UtmTags> {
  return Object.fromEntries(UTM_FIELDS.map((field) => [field, row[field]])) as Required<UtmTags>;
}

export function shortUrlOf(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/s/${slug}`;
}

export function productPageUrl(publicUrl: string, productSlug: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/products/${encodeURIComponent(productSlug)}`;
}

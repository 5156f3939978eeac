import type { ShortLinkRow } from "./short-links.repository";
import { productPageUrl, shortLinkState, shortUrlOf, utmOf, type ShortLink } from "./short-link";
import { resolveTarget } from "./target-url";

/** The entity as its owner sees it; a product link points at the product's current page. */
export function toShortLink(row: ShortLinkRow, publicUrl: string, now: Date): ShortLink {
  const target =
    row.product_id && row.product_slug
      ? productPageUrl(publicUrl, row.product_slug)
      : row.target_url;
  const resolved = resolveTarget(target, utmOf(row), publicUrl);
  return {
    id: row.id,
    ownerId: row.owner_id,
    slug: row.slug,
    shortUrl: shortUrlOf(publicUrl, row.slug),
    target,
    // Stored targets were checked when saved; a product page always resolves.
    destination: resolved.ok ? resolved.url : target,
    productId: row.product_id,
    utm: utmOf(row),
    expiresAt: row.expires_at,
    state: shortLinkState(row, now),
    disabledBy: row.disabled_by,
    disabledReason: row.disabled_by === "staff" ? row.disabled_reason : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

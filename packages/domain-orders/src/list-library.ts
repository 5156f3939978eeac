import { requireUser, type Money } from "@digistore/core";
import { coverUrlOf, isRecentlyUpdated } from "@digistore/domain-catalog";
import type { ProductAccess } from "./access";
import type { OrdersContext } from "./ports";
import { listUserPurchaseRows } from "./purchases.repository";

export interface LibraryItem {
  readonly productId: string;
  readonly title: string;
  readonly slug: string;
  readonly sellerName: string;
  readonly coverUrl: string | null;
  readonly currentVersionId: string | null;
  readonly updated: boolean;
  /** A purchase is always held, paused or taken back: never `seller` or `none`. */
  readonly access: Extract<ProductAccess, "owner" | "suspended" | "revoked">;
  readonly revokeReason: string | null;
  readonly supportPrice: Money | null;
  readonly purchasedAt: string;
}

/** My Products: everything the caller ever bought, with its access (revoked rows stay, marked). */
export async function listLibrary(
  ctx: Pick<OrdersContext, "db" | "clock" | "actor" | "catalogLimits">,
): Promise<LibraryItem[]> {
  const { userId } = requireUser(ctx.actor);
  const rows = await listUserPurchaseRows(ctx.db, userId);
  return rows.map((r) => ({
    productId: r.product_id,
    title: r.title,
    slug: r.slug,
    sellerName: r.seller_name,
    coverUrl: coverUrlOf(r.product_id, r.cover_key),
    currentVersionId: r.current_version_id,
    updated: isRecentlyUpdated(
      r.content_updated_at,
      ctx.clock.now(),
      ctx.catalogLimits.updatedBadgeMs,
    ),
    access: r.revoked_at ? "revoked" : r.suspended_at ? "suspended" : "owner",
    revokeReason: r.revoke_reason,
    supportPrice:
      r.support_price_amount === null
        ? null
        : { amount: r.support_price_amount, currency: r.currency },
    purchasedAt: r.created_at,
  }));
}

import { isRecentlyUpdated, coverUrlOf, type ProductVersion } from "@digistore/domain-catalog";
import { NotFoundError, type Money } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { toOrder, type Order } from "./order";
import { findOrderRow, listUserOrderRows } from "./orders.repository";
import type { OrdersDeps } from "./ports";
import { listUserPurchaseRows } from "./purchases.repository";

export interface LibraryItem {
  readonly productId: string;
  readonly title: string;
  readonly slug: string;
  readonly sellerName: string;
  readonly coverUrl: string | null;
  readonly currentVersionId: string | null;
  readonly updated: boolean;
  readonly access: "active" | "suspended" | "revoked";
  readonly revokeReason: string | null;
  readonly supportPrice: Money | null;
  readonly purchasedAt: string;
}

/** My Products: everything ever bought, with its access state (revoked rows stay, marked). */
export async function listLibrary(
  deps: Pick<OrdersDeps, "db" | "clock">,
  userId: string,
  updatedBadgeMs: number,
): Promise<LibraryItem[]> {
  const rows = await listUserPurchaseRows(deps.db, userId);
  return rows.map((r) => ({
    productId: r.product_id,
    title: r.title,
    slug: r.slug,
    sellerName: r.seller_name,
    coverUrl: coverUrlOf(r.product_id, r.cover_key),
    currentVersionId: r.current_version_id,
    updated: isRecentlyUpdated(r.content_updated_at, deps.clock.now(), updatedBadgeMs),
    access: r.revoked_at ? "revoked" : r.suspended_at ? "suspended" : "active",
    revokeReason: r.revoke_reason,
    supportPrice:
      r.support_price_amount === null
        ? null
        : { amount: r.support_price_amount, currency: r.currency },
    purchasedAt: r.created_at,
  }));
}

export interface OrderSummary extends Order {
  readonly productTitle: string;
  readonly productSlug: string;
}

/** Order history: every order, failed and refunded ones included, newest first. */
export async function listOrders(
  deps: Pick<OrdersDeps, "db">,
  userId: string,
  limit = 100,
): Promise<OrderSummary[]> {
  const rows = await listUserOrderRows(deps.db, userId, Math.min(Math.max(limit, 1), 500));
  return rows.map(({ product_title, product_slug, ...row }) => ({
    ...toOrder(row),
    productTitle: product_title,
    productSlug: product_slug,
  }));
}

/**
 * The return page's question: has the webhook landed? Only the buyer may ask (others get
 * NOT_FOUND). It reads state; it never changes it.
 */
export async function getOrderForBuyer(
  db: Kysely<Database>,
  userId: string,
  orderId: string,
): Promise<Order> {
  const row = await findOrderRow(db, orderId.slice(0, 64));
  if (!row || row.user_id !== userId) throw new NotFoundError("Order not found.");
  return toOrder(row);
}

export type { ProductVersion };

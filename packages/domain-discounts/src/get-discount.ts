import { NotFoundError, parseInput, requireSeller, type Money } from "@digistore/core";
import type { OrderStatus } from "@digistore/db";
import { offLabel, toDiscount, type Discount } from "./discount";
import {
  discountStats,
  findDiscountRow,
  listDiscountTerms,
  listRedemptionRows,
  listSellerDiscountRows,
  listSellerProductRows,
} from "./discounts.repository";
import { ZDiscountRef } from "./discounts.schemas";
import type { DiscountsContext } from "./ports";

export interface SellerDiscount extends Discount {
  /** "20% off", "$5.00 / €4.50 off". */
  readonly label: string;
  /** The products it is for (every one of the seller's when `allProducts`). */
  readonly products: readonly { id: string; slug: string; title: string }[];
  /** Orders paid with it (refunded ones included: the code was used). */
  readonly redemptions: number;
  /** Checkouts holding it now, not yet paid. */
  readonly holds: number;
  /** What its orders brought in, net of refunds, per currency (never summed across them). */
  readonly revenue: readonly Money[];
}

export interface DiscountRedemption {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly buyer: { readonly email: string; readonly name: string };
  readonly productTitle: string;
  readonly listPrice: Money;
  readonly paid: Money;
  readonly createdAt: string;
}

const REDEMPTIONS_SHOWN = 100;

/** Every code of the signed-in seller with its redemptions and revenue, newest first. */
export async function listDiscounts(ctx: DiscountsContext): Promise<SellerDiscount[]> {
  const seller = requireSeller(ctx.actor);
  const rows = await listSellerDiscountRows(ctx.db, seller.userId);
  return withStats(ctx, seller.userId, rows);
}

/** One of the seller's codes, with its latest redemptions; anyone else's is NOT_FOUND. */
export async function getDiscount(
  ctx: DiscountsContext,
  input: unknown,
): Promise<SellerDiscount & { readonly recent: readonly DiscountRedemption[] }> {
  const seller = requireSeller(ctx.actor);
  const { discountId } = parseInput(ZDiscountRef, input);
  const row = await findDiscountRow(ctx.db, discountId);
  if (!row || row.seller_id !== seller.userId) throw new NotFoundError("Discount code not found.");
  const [discount] = await withStats(ctx, seller.userId, [row]);
  const recent = await listRedemptionRows(ctx.db, discountId, REDEMPTIONS_SHOWN);
  return {
    ...discount!,
    recent: recent.map((r) => ({
      orderId: r.order_id,
      status: r.status,
      buyer: { email: r.email, name: r.display_name },
      productTitle: r.product_title,
      listPrice: { amount: r.list_amount, currency: r.currency },
      paid: { amount: r.amount - r.refunded_amount, currency: r.currency },
      createdAt: r.created_at,
    })),
  };
}

async function withStats(
  ctx: DiscountsContext,
  sellerId: string,
  rows: Awaited<ReturnType<typeof listSellerDiscountRows>>,
): Promise<SellerDiscount[]> {
  const ids = rows.map((r) => r.id);
  const now = ctx.clock.now().toISOString();
  const [terms, stats, everyProduct] = await Promise.all([
    listDiscountTerms(ctx.db, ids),
    discountStats(ctx.db, ids, now),
    rows.some((r) => r.all_products === 1)
      ? listSellerProductRows(ctx.db, sellerId)
      : Promise.resolve([]),
  ]);
  return rows.map((row) => {
    const products =
      row.all_products === 1
        ? everyProduct.filter((p) => p.status === "published")
        : terms.products.filter((p) => p.discount_id === row.id);
    const sales = stats.sales.filter((s) => s.discount_id === row.id);
    const discount = toDiscount(
      row,
      terms.amounts
        .filter((a) => a.discount_id === row.id)
        .map((a) => ({ amount: a.amount_off, currency: a.currency })),
      products.map((p) => p.id),
    );
    return {
      ...discount,
      label: offLabel(discount.off),
      products: products.map((p) => ({ id: p.id, slug: p.slug, title: p.title })),
      redemptions: sales.reduce((sum, s) => sum + Number(s.orders), 0),
      holds: Number(stats.holds.find((h) => h.discount_id === row.id)?.holds ?? 0),
      revenue: sales.map((s) => ({ amount: Number(s.net), currency: s.currency })),
    };
  });
}

import { requireSeller } from "@digistore/core";
import type { CatalogContext } from "./ports";
import { listSellerProductRows } from "./products.repository";
import { toSellerProduct, type SellerProduct } from "./seller-product";

/** The seller's own products, every status, newest first. */
export async function listSellerProducts(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor" | "catalogLimits">,
): Promise<SellerProduct[]> {
  const seller = requireSeller(ctx.actor, "Only sellers have products.");
  const rows = await listSellerProductRows(ctx.db, seller.userId);
  return rows.map((row) => toSellerProduct(ctx, row));
}

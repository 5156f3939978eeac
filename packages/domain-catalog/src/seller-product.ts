import type { ProductsTable } from "@digistore/db";
import { coverUrlOf } from "./cover-url";
import type { CatalogContext } from "./ports";
import { toProduct, type Product } from "./product";
import { showsUpdatedBadge } from "./updated-badge";

/** A product as its seller's pages show it. */
export interface SellerProduct extends Product {
  readonly coverUrl: string | null;
  readonly updated: boolean;
}

export function toSellerProduct(
  ctx: Pick<CatalogContext, "clock" | "catalogLimits">,
  row: ProductsTable,
): SellerProduct {
  return {
    ...toProduct(row),
    coverUrl: coverUrlOf(row.id, row.cover_key),
    updated: showsUpdatedBadge(ctx, row.content_updated_at),
  };
}

import type { Money } from "@digistore/core";
import type { ProductsTable } from "@digistore/db";
import { coverUrlOf } from "./cover-url";
import type { CatalogContext } from "./ports";
import { showsUpdatedBadge } from "./updated-badge";

/** What a product card in a list needs, and nothing more. */
export interface ProductCard {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly price: Money;
  /** `price` is then the minimum: cards say "from". */
  readonly payWhatYouWant: boolean;
  readonly sellerId: string;
  readonly sellerName: string;
  readonly coverUrl: string | null;
  readonly updated: boolean;
  readonly publishedAt: string | null;
}

export function toCard(
  ctx: Pick<CatalogContext, "clock" | "catalogLimits">,
  row: ProductsTable & { seller_name: string },
): ProductCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    price: { amount: row.price_amount, currency: row.currency },
    payWhatYouWant: row.pay_what_you_want === 1,
    sellerId: row.seller_id,
    sellerName: row.seller_name,
    coverUrl: coverUrlOf(row.id, row.cover_key),
    updated: showsUpdatedBadge(ctx, row.content_updated_at),
    publishedAt: row.published_at,
  };
}

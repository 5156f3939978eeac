import type { CatalogContext } from "./ports";
import { toCard, type ProductCard } from "./product-card";
import { listFeaturedRows, listStorefrontRows } from "./storefront.repository";

const FEATURED = 6;
const NEWEST = 8;

/** The home page: what staff feature, and the newest products on sale. */
export async function getHome(
  ctx: Pick<CatalogContext, "db" | "dialect" | "clock" | "catalogLimits">,
): Promise<{ featured: ProductCard[]; newest: ProductCard[] }> {
  const [featured, newest] = await Promise.all([
    listFeaturedRows(ctx.db, FEATURED),
    listStorefrontRows(ctx.db, ctx.dialect, { sort: "newest", limit: NEWEST }),
  ]);
  return {
    featured: featured.map((r) => toCard(ctx, r)),
    // The list query reads one row past the limit (it proves a next page); the home has none.
    newest: newest.slice(0, NEWEST).map((r) => toCard(ctx, r)),
  };
}

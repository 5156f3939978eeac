import { decodeCursor, parseInput, toPage, type Page } from "@digistore/core";
import { ZListProductsInput } from "./catalog.schemas";
import { findCategoryRowBySlug } from "./categories.repository";
import type { CatalogContext } from "./ports";
import { toCard, type ProductCard } from "./product-card";
import { listStorefrontRows, searchTokens, sortKeyOf } from "./storefront.repository";

/** The storefront list: category, words, sort and keyset pagination. */
export async function listProducts(
  ctx: Pick<CatalogContext, "db" | "dialect" | "clock" | "catalogLimits">,
  rawInput: unknown,
): Promise<Page<ProductCard>> {
  const input = parseInput(ZListProductsInput, rawInput);
  let categoryId: string | undefined;
  if (input.categorySlug) {
    const category = await findCategoryRowBySlug(ctx.db, input.categorySlug);
    if (!category || category.hidden === 1) return { items: [], nextCursor: null };
    categoryId = category.id;
  }
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await listStorefrontRows(ctx.db, ctx.dialect, {
    sort: input.sort,
    categoryId,
    sellerId: input.sellerId,
    searchTokens: searchTokens(input.q),
    after: after ? [after[0] as string | number, String(after[1])] : undefined,
    limit: input.limit,
  });
  const page = toPage(rows, input.limit, (row) => sortKeyOf(input.sort, row));
  return { items: page.items.map((row) => toCard(ctx, row)), nextCursor: page.nextCursor };
}

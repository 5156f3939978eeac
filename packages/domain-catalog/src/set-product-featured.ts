import { NotFoundError, parseInput, requireStaff } from "@digistore/core";
import { ZSetProductFeaturedInput } from "./catalog.schemas";
import type { CatalogContext } from "./ports";
import { toProduct, type Product } from "./product";
import { findProductRow, updateProductRow } from "./products.repository";

/** Staff choose what the home page features. */
export async function setProductFeatured(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<Product> {
  requireStaff(ctx.actor, "Only staff choose featured products.");
  const input = parseInput(ZSetProductFeaturedInput, rawInput);
  const row = await findProductRow(ctx.db, input.productId);
  if (!row) throw new NotFoundError("Product not found.");
  const changes = {
    featured: input.featured ? (1 as const) : (0 as const),
    updated_at: ctx.clock.now().toISOString(),
  };
  await updateProductRow(ctx.db, row.id, changes);
  return toProduct({ ...row, ...changes });
}

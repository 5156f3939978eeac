import { ConflictError, parseInput } from "@digistore/core";
import type { ProductsTable } from "@digistore/db";
import type { Updateable } from "kysely";
import { ZUpdateProductInput } from "./catalog.schemas";
import { assertCategoryExists } from "./create-product";
import { loadManagedProduct } from "./load-managed-product";
import type { CatalogContext } from "./ports";
import { toProduct, type Product } from "./product";
import { findProductRow, slugTaken, updateProductRow } from "./products.repository";

/** Edits listing fields. Never moves `content_updated_at`: typo fixes are not "updates". */
export async function updateProduct(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<Product> {
  const input = parseInput(ZUpdateProductInput, rawInput);
  const row = await loadManagedProduct(ctx.db, ctx.actor, input.productId);
  if (
    input.slug !== undefined &&
    input.slug !== row.slug &&
    (await slugTaken(ctx.db, input.slug, row.id))
  ) {
    throw new ConflictError(`The address "${input.slug}" is already taken. Choose another slug.`);
  }
  if (input.categoryId !== undefined) await assertCategoryExists(ctx.db, input.categoryId);
  const changes: Updateable<ProductsTable> = { updated_at: ctx.clock.now().toISOString() };
  if (input.title !== undefined) changes.title = input.title;
  if (input.slug !== undefined) changes.slug = input.slug;
  if (input.summary !== undefined) changes.summary = input.summary;
  if (input.description !== undefined) changes.description = input.description;
  if (input.price !== undefined) changes.price_amount = input.price;
  if (input.currency !== undefined) changes.currency = input.currency;
  if (input.supportPrice !== undefined) changes.support_price_amount = input.supportPrice;
  if (input.categoryId !== undefined) changes.category_id = input.categoryId;
  await updateProductRow(ctx.db, row.id, changes);
  return toProduct((await findProductRow(ctx.db, row.id))!);
}

import { ConflictError, parseInput, ValidationError } from "@digistore/core";
import type { ProductsTable } from "@digistore/db";
import type { Updateable } from "kysely";
import { ZUpdateProductInput } from "./catalog.schemas";
import { assertCategoryExists } from "./create-product";
import { loadManagedProduct } from "./load-managed-product";
import type { CatalogContext } from "./ports";
import { toProduct, type Product } from "./product";
import { findProductRow, slugTaken, updateProductRow } from "./products.repository";

/** The same rule as on creation, judged on the product as it will be after this edit. */
function assertSuggestionFits(
  row: Pick<ProductsTable, "price_amount" | "suggested_price_amount" | "pay_what_you_want">,
) {
  if (
    row.pay_what_you_want === 1 &&
    row.suggested_price_amount !== null &&
    row.suggested_price_amount < row.price_amount
  ) {
    throw new ValidationError("The suggested price cannot be below the minimum price.", {
      suggestedPrice: ["The suggested price cannot be below the minimum price."],
    });
  }
}

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
  if (input.payWhatYouWant !== undefined) changes.pay_what_you_want = input.payWhatYouWant ? 1 : 0;
  if (input.suggestedPrice !== undefined) changes.suggested_price_amount = input.suggestedPrice;
  assertSuggestionFits({ ...row, ...changes });
  await updateProductRow(ctx.db, row.id, changes);
  return toProduct((await findProductRow(ctx.db, row.id))!);
}

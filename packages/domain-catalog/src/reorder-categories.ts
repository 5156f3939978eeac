import { NotFoundError, parseInput, requireStaff } from "@digistore/core";
import { ZReorderCategoriesInput } from "./catalog.schemas";
import { findCategoryRow, listCategoryRows, updateCategoryRow } from "./categories.repository";
import { STAFF_MANAGE_CATEGORIES, toCategory, type Category } from "./category";
import type { CatalogContext } from "./ports";

/** Sets the display order: the given ids first, in that order. */
export async function reorderCategories(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<Category[]> {
  requireStaff(ctx.actor, STAFF_MANAGE_CATEGORIES);
  const { categoryIds } = parseInput(ZReorderCategoriesInput, rawInput);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const [position, id] of categoryIds.entries()) {
      if (!(await findCategoryRow(trx, id))) throw new NotFoundError("Category not found.");
      await updateCategoryRow(trx, id, { position, updated_at: now });
    }
  });
  return (await listCategoryRows(ctx.db, true)).map(toCategory);
}

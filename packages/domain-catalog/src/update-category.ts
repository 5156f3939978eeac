import { NotFoundError, parseInput, requireStaff } from "@digistore/core";
import { ZUpdateCategoryInput } from "./catalog.schemas";
import { findCategoryRow, updateCategoryRow } from "./categories.repository";
import { STAFF_MANAGE_CATEGORIES, toCategory, type Category } from "./category";
import type { CatalogContext } from "./ports";

/** Rename or hide; the slug stays so links keep working. */
export async function updateCategory(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<Category> {
  requireStaff(ctx.actor, STAFF_MANAGE_CATEGORIES);
  const input = parseInput(ZUpdateCategoryInput, rawInput);
  const row = await findCategoryRow(ctx.db, input.categoryId);
  if (!row) throw new NotFoundError("Category not found.");
  const changes = {
    updated_at: ctx.clock.now().toISOString(),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.hidden !== undefined ? { hidden: input.hidden ? (1 as const) : (0 as const) } : {}),
  };
  await updateCategoryRow(ctx.db, row.id, changes);
  return toCategory({ ...row, ...changes });
}

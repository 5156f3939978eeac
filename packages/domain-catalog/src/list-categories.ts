import { parseInput, requireStaff } from "@digistore/core";
import { ZListCategoriesInput } from "./catalog.schemas";
import { listCategoryRows } from "./categories.repository";
import { toCategory, type Category } from "./category";
import type { CatalogContext } from "./ports";

/** Visible categories for the storefront; staff may ask for hidden ones too. */
export async function listCategories(
  ctx: Pick<CatalogContext, "db" | "actor">,
  rawInput?: unknown,
): Promise<Category[]> {
  const { includeHidden } = parseInput(ZListCategoriesInput, rawInput);
  if (includeHidden) requireStaff(ctx.actor);
  return (await listCategoryRows(ctx.db, includeHidden)).map(toCategory);
}

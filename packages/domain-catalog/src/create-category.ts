import { ConflictError, newId, parseInput, requireStaff } from "@digistore/core";
import { ZCategoryInput } from "./catalog.schemas";
import {
  findCategoryRowBySlug,
  insertCategoryRow,
  nextCategoryPosition,
} from "./categories.repository";
import { STAFF_MANAGE_CATEGORIES, toCategory, type Category } from "./category";
import type { CatalogContext } from "./ports";
import { slugify } from "./product";

export async function createCategory(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<Category> {
  requireStaff(ctx.actor, STAFF_MANAGE_CATEGORIES);
  const input = parseInput(ZCategoryInput, rawInput);
  const slug = input.slug ?? slugify(input.name);
  if (await findCategoryRowBySlug(ctx.db, slug))
    throw new ConflictError(`A category with the slug "${slug}" exists.`);
  const now = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    slug,
    name: input.name,
    position: await nextCategoryPosition(ctx.db),
    hidden: 0 as const,
    created_at: now,
    updated_at: now,
  };
  await insertCategoryRow(ctx.db, row);
  return toCategory(row);
}

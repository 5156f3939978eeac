import { ConflictError, ForbiddenError, NotFoundError, newId, parseInput } from "@digistore/core";
import { ZCategoryInput, ZReorderCategoriesInput, ZUpdateCategoryInput } from "./catalog.schemas";
import {
  findCategoryRow,
  findCategoryRowBySlug,
  insertCategoryRow,
  listCategoryRows,
  nextCategoryPosition,
  updateCategoryRow,
} from "./categories.repository";
import type { CatalogDeps } from "./ports";
import { slugify, type CatalogActor } from "./product";

export interface Category {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly position: number;
  readonly hidden: boolean;
}

function assertStaff(actor: CatalogActor): void {
  if (!actor.staff) throw new ForbiddenError("Only staff manage categories.");
}

/** Visible categories for the storefront; staff may ask for hidden ones too. */
export async function listCategories(
  deps: Pick<CatalogDeps, "db">,
  options: { includeHidden?: boolean } = {},
): Promise<Category[]> {
  const rows = await listCategoryRows(deps.db, options.includeHidden ?? false);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    position: r.position,
    hidden: r.hidden === 1,
  }));
}

export async function createCategory(
  deps: Pick<CatalogDeps, "db" | "clock">,
  actor: CatalogActor,
  rawInput: unknown,
): Promise<Category> {
  assertStaff(actor);
  const input = parseInput(ZCategoryInput, rawInput);
  const slug = input.slug ?? slugify(input.name);
  if (await findCategoryRowBySlug(deps.db, slug))
    throw new ConflictError(`A category with the slug "${slug}" exists.`);
  const now = deps.clock.now().toISOString();
  const row = {
    id: newId(),
    slug,
    name: input.name,
    position: await nextCategoryPosition(deps.db),
    hidden: 0 as const,
    created_at: now,
    updated_at: now,
  };
  await insertCategoryRow(deps.db, row);
  return { id: row.id, slug, name: row.name, position: row.position, hidden: false };
}

/** Rename or hide; the slug stays so links keep working. */
export async function updateCategory(
  deps: Pick<CatalogDeps, "db" | "clock">,
  actor: CatalogActor,
  rawInput: unknown,
): Promise<Category> {
  assertStaff(actor);
  const input = parseInput(ZUpdateCategoryInput, rawInput);
  const row = await findCategoryRow(deps.db, input.categoryId);
  if (!row) throw new NotFoundError("Category not found.");
  const changes = {
    updated_at: deps.clock.now().toISOString(),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.hidden !== undefined ? { hidden: input.hidden ? (1 as const) : (0 as const) } : {}),
  };
  await updateCategoryRow(deps.db, row.id, changes);
  const updated = { ...row, ...changes };
  return {
    id: updated.id,
    slug: updated.slug,
    name: updated.name,
    position: updated.position,
    hidden: updated.hidden === 1,
  };
}

/** Sets the display order: the given ids first, in that order. */
export async function reorderCategories(
  deps: Pick<CatalogDeps, "db" | "clock">,
  actor: CatalogActor,
  rawInput: unknown,
): Promise<Category[]> {
  assertStaff(actor);
  const { categoryIds } = parseInput(ZReorderCategoriesInput, rawInput);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const [position, id] of categoryIds.entries()) {
      if (!(await findCategoryRow(trx, id))) throw new NotFoundError("Category not found.");
      await updateCategoryRow(trx, id, { position, updated_at: now });
    }
  });
  return listCategories(deps, { includeHidden: true });
}

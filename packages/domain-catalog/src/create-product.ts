import { ConflictError, ValidationError, newId, parseInput, requireSeller } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { ZCreateProductInput } from "./catalog.schemas";
import { findCategoryRow } from "./categories.repository";
import type { CatalogContext } from "./ports";
import { slugify, toProduct, type Product } from "./product";
import { insertProductRow, slugTaken } from "./products.repository";

export async function assertCategoryExists(
  db: Kysely<Database>,
  categoryId: string | null | undefined,
): Promise<void> {
  if (categoryId && !(await findCategoryRow(db, categoryId))) {
    throw new ValidationError("Choose an existing category.", {
      categoryId: ["Choose an existing category."],
    });
  }
}

/** A free slug: the one asked for (or a clash), else the title's, numbered when taken. */
async function chooseSlug(
  db: Kysely<Database>,
  requested: string | undefined,
  title: string,
): Promise<string> {
  if (requested) {
    if (await slugTaken(db, requested))
      throw new ConflictError(`The address "${requested}" is already taken. Choose another slug.`);
    return requested;
  }
  const base = slugify(title) || "product";
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
  return `${base}-${newId().slice(-8)}`;
}

/** A seller starts a product as a draft; it goes on sale when published with a file. */
export async function createProduct(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<Product> {
  const seller = requireSeller(
    ctx.actor,
    "Only sellers can create products. Start selling from your account.",
  );
  const input = parseInput(ZCreateProductInput, rawInput);
  await assertCategoryExists(ctx.db, input.categoryId);
  const now = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    seller_id: seller.userId,
    slug: await chooseSlug(ctx.db, input.slug, input.title),
    title: input.title,
    summary: input.summary,
    description: input.description,
    price_amount: input.price,
    currency: input.currency,
    support_price_amount: input.supportPrice,
    pay_what_you_want: input.payWhatYouWant ? (1 as const) : (0 as const),
    suggested_price_amount: input.payWhatYouWant ? input.suggestedPrice : null,
    category_id: input.categoryId,
    cover_key: null,
    featured: 0 as const,
    status: "draft" as const,
    current_version_id: null,
    sales_count: 0,
    content_updated_at: null,
    published_at: null,
    created_at: now,
    updated_at: now,
  };
  await insertProductRow(ctx.db, row);
  return toProduct(row);
}

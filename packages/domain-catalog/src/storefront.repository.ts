import type { Database, Dialect } from "@digistore/db";
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";

export type StorefrontSort = "newest" | "price_asc" | "price_desc" | "popular";

/** One column and direction per sort; the id breaks ties so every cursor is unique. */
const SORTS = {
  newest: { column: "products.published_at", direction: "desc" },
  price_asc: { column: "products.price_amount", direction: "asc" },
  price_desc: { column: "products.price_amount", direction: "desc" },
  popular: { column: "products.sales_count", direction: "desc" },
} as const;

export interface StorefrontFilter {
  readonly sort: StorefrontSort;
  readonly categoryId?: string | undefined;
  readonly sellerId?: string | undefined;
  /** Already reduced to plain word tokens. */
  readonly searchTokens?: readonly string[] | undefined;
  readonly after?: readonly [string | number, string] | undefined;
  readonly limit: number;
}

/** Words only: everything a search engine would treat as syntax is dropped. */
export function searchTokens(q: string | undefined): string[] {
  return (q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).map((t) => t.slice(0, 40));
}

function withSearch<O>(
  query: SelectQueryBuilder<Database, "products" | "users", O>,
  dialect: Dialect,
  tokens: readonly string[],
) {
  if (dialect === "postgres") {
    const tsquery = tokens.map((t) => `${t}:*`).join(" & ");
    return query.where(sql<boolean>`products.search @@ to_tsquery('simple', ${tsquery})`);
  }
  const match = tokens.map((t) => `"${t}"*`).join(" AND ");
  return query.where(
    sql<boolean>`products.rowid in (select rowid from products_fts where products_fts match ${match})`,
  );
}

/**
 * Published products for the storefront, keyset-paginated: each page is one index range
 * scan from the cursor, so page 1000 costs what page 1 does, whatever the catalogue size.
 */
export function listStorefrontRows(
  db: Kysely<Database>,
  dialect: Dialect,
  filter: StorefrontFilter,
) {
  return storefrontQuery(db, dialect, filter).execute();
}

/** The query behind `listStorefrontRows`, unexecuted (its plan is tested). */
export function storefrontQuery(db: Kysely<Database>, dialect: Dialect, filter: StorefrontFilter) {
  const { column, direction } = SORTS[filter.sort];
  let query = db
    .selectFrom("products")
    .innerJoin("users", "users.id", "products.seller_id")
    .selectAll("products")
    .select("users.display_name as seller_name")
    .where("products.status", "=", "published");
  if (filter.categoryId) query = query.where("products.category_id", "=", filter.categoryId);
  if (filter.sellerId) query = query.where("products.seller_id", "=", filter.sellerId);
  if (filter.searchTokens?.length) query = withSearch(query, dialect, filter.searchTokens);
  if (filter.after) {
    const [value, id] = filter.after;
    const beyond = direction === "desc" ? "<" : ">";
    // A row-value comparison is one index range on both engines; the equivalent OR form makes
    // them scan from the first row, so page N would cost N pages.
    query = query.where((eb) =>
      eb(eb.refTuple(column, "products.id"), beyond, eb.tuple(value, id)),
    );
  }
  return query
    .orderBy(column, direction)
    .orderBy("products.id", direction)
    .limit(filter.limit + 1);
}

export function sortKeyOf(
  sort: StorefrontSort,
  row: { published_at: string | null; price_amount: number; sales_count: number; id: string },
) {
  const value =
    sort === "newest" ? row.published_at! : sort === "popular" ? row.sales_count : row.price_amount;
  return [value, row.id] as const;
}

export function listFeaturedRows(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom("products")
    .innerJoin("users", "users.id", "products.seller_id")
    .selectAll("products")
    .select("users.display_name as seller_name")
    .where("products.featured", "=", 1)
    .where("products.status", "=", "published")
    .orderBy("products.published_at", "desc")
    .limit(limit)
    .execute();
}

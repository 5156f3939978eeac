import { createTestDb, type TestDb } from "@digistore/db/testing";
import { CompiledQuery } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storefrontQuery, type StorefrontSort } from "./storefront.repository";

const SORTS: StorefrontSort[] = ["newest", "price_asc", "price_desc", "popular"];

/**
 * Keyset pages stay cheap at any catalogue size only if each one is an index range read in
 * the order asked for; a "temp b-tree for order by" means every matching row is read and
 * sorted first. (SQLite's plan; PostgreSQL's depends on table statistics.)
 */
describe("storefront query plans on sqlite", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb({ dialect: "sqlite" });
  });
  afterEach(() => t.close());

  async function plan(sort: StorefrontSort, filter: { categoryId?: string; after?: boolean }) {
    const compiled = storefrontQuery(t.db, "sqlite", {
      sort,
      limit: 24,
      categoryId: filter.categoryId,
      after: filter.after ? [sort === "newest" ? "2026-01-01" : 100, "some-id"] : undefined,
    }).compile();
    const { rows } = await t.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return rows.map((r) => r.detail).join(" | ");
  }

  for (const sort of SORTS) {
    for (const categoryId of [undefined, "cat-1"]) {
      for (const after of [false, true]) {
        it(`reads ${sort}${categoryId ? " in a category" : ""}${after ? " after a cursor" : ""} from one index, in order`, async () => {
          const detail = await plan(sort, { categoryId, after });
          // Every condition is part of the index search itself, none a filter on rows read.
          const constraints = [
            ...(categoryId ? [String.raw`category_id=\?`] : []),
            String.raw`status=\?`,
            ...(after ? [String.raw`\(\w+,id\)[<>]\(\?,\?\)`] : []),
          ].join(" AND ");
          expect(detail).toMatch(
            new RegExp(String.raw`SEARCH products USING INDEX products_\w+ \(${constraints}\)`),
          );
          expect(detail).not.toMatch(/TEMP B-TREE/);
        });
      }
    }
  }
});

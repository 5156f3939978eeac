import type { Database, ShortLinksTable } from "@digistore/db";
import type { Kysely, Updateable } from "kysely";

/** A link row with its product's current slug (product links follow a renamed product). */
export type ShortLinkRow = ShortLinksTable & { product_slug: string | null };

function selectLinks(db: Kysely<Database>) {
  return db
    .selectFrom("short_links")
    .leftJoin("products", "products.id", "short_links.product_id")
    .selectAll("short_links")
    .select("products.slug as product_slug")
    .where("short_links.deleted_at", "is", null);
}

export async function insertShortLinkRow(
  db: Kysely<Database>,
  row: ShortLinksTable,
): Promise<void> {
  await db.insertInto("short_links").values(row).execute();
}

export async function findShortLinkRow(
  db: Kysely<Database>,
  id: string,
): Promise<ShortLinkRow | undefined> {
  return selectLinks(db).where("short_links.id", "=", id).executeTakeFirst();
}

export async function findShortLinkRowBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<ShortLinkRow | undefined> {
  return selectLinks(db).where("short_links.slug", "=", slug).executeTakeFirst();
}

/** Deleted links count too: their slugs are never handed out again. */
export async function slugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom("short_links")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateShortLinkRow(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<ShortLinksTable>,
): Promise<void> {
  await db.updateTable("short_links").set(patch).where("id", "=", id).execute();
}

/** Newest first, keyset on (created_at, id). */
export async function listOwnerShortLinkRows(
  db: Kysely<Database>,
  ownerId: string,
  limit: number,
  after: { createdAt: string; id: string } | null,
): Promise<ShortLinkRow[]> {
  let query = selectLinks(db).where("short_links.owner_id", "=", ownerId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("short_links.created_at", "<", after.createdAt),
        eb.and([
          eb("short_links.created_at", "=", after.createdAt),
          eb("short_links.id", "<", after.id),
        ]),
      ]),
    );
  }
  return query
    .orderBy("short_links.created_at", "desc")
    .orderBy("short_links.id", "desc")
    .limit(limit)
    .execute();
}

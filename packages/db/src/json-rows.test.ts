import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { insertJsonRows, type JsonColumn } from "./json-rows";
import { migrateTo, migrateToLatest } from "./migrator";
import { createTestDb, insertSellerProduct, testDialects, type TestDb } from "./testing";

const NOW = "2026-12-03T10:00:00.000Z";

/** A short link row, what a click must refer to. */
async function insertLink(handle: TestDb): Promise<string> {
  const { sellerId } = await insertSellerProduct(handle.db);
  const id = `link-${sellerId}`;
  await handle.db
    .insertInto("short_links")
    .values({
      id,
      owner_id: sellerId,
      slug: `s-${sellerId}`,
      target_url: "https://example.com/",
      product_id: null,
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      utm_term: null,
      utm_content: null,
      expires_at: null,
      disabled_at: null,
      disabled_by: null,
      disabled_reason: null,
      deleted_at: null,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  return id;
}

const CLICK: readonly JsonColumn[] = [
  { name: "link_id", type: "text" },
  { name: "clicked_at", type: "text" },
  { name: "referrer_host", type: "text" },
  { name: "device", type: "text" },
  { name: "browser", type: "text" },
  { name: "os", type: "text" },
  { name: "is_bot", type: "integer" },
  { name: "country", type: "text" },
  { name: "visitor_hash", type: "text" },
];

describe.each(testDialects())("insertJsonRows on %s", (dialect) => {
  let handle: TestDb | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it("stores every row exactly: text that looks like JSON, quotes, unicode, nulls, numbers", async () => {
    handle = await createTestDb({ dialect });
    const link = await insertLink(handle);
    const awkward = [
      '{"a":1}',
      'it\'s "quoted"\n\ttabbed',
      "Zürich — 東京 🎉",
      "[1,2]",
      "null",
      "",
    ];
    const rows = awkward.map((text, i) => [
      link,
      `2026-12-03T10:00:0${i}.000Z`,
      text,
      "desktop",
      i % 2 ? null : "Chrome",
      null,
      i % 2,
      i === 0 ? null : "CH",
      `hash-${i}`,
    ]);
    await insertJsonRows(handle.db, "link_clicks", CLICK, rows);
    await insertJsonRows(handle.db, "link_clicks", CLICK, []);
    const stored = await handle.db
      .selectFrom("link_clicks")
      .select(["referrer_host", "browser", "os", "is_bot", "country", "visitor_hash"])
      .orderBy("clicked_at")
      .execute();
    expect(stored).toEqual(
      awkward.map((text, i) => ({
        referrer_host: text,
        browser: i % 2 ? null : "Chrome",
        os: null,
        is_bot: i % 2,
        country: i === 0 ? null : "CH",
        visitor_hash: `hash-${i}`,
      })),
    );
  });

  it("is one statement: a row the table refuses stores none of the batch", async () => {
    handle = await createTestDb({ dialect });
    const link = await insertLink(handle);
    const good = [link, NOW, null, "mobile", null, null, 0, null, "h"];
    const noDevice = [link, NOW, null, null, null, null, 0, null, "h"];
    await expect(
      insertJsonRows(handle.db, "link_clicks", CLICK, [good, noDevice]),
    ).rejects.toThrow();
    expect(await handle.db.selectFrom("link_clicks").selectAll().execute()).toEqual([]);
  });

  it("the row-id migration carries old clicks over, numbered in time order", async () => {
    handle = await createTestDb({ dialect });
    await migrateTo(handle, "2026-12-03-0014-link-click-facet-months"); // back to UUID ids
    const link = await insertLink(handle);
    for (const [id, at] of [
      ["0192-b", "2026-12-02T10:00:00.000Z"],
      ["0192-a", "2026-12-01T10:00:00.000Z"],
    ]) {
      await sql`insert into link_clicks (id, link_id, clicked_at, referrer_host, device, browser,
        os, is_bot, country, visitor_hash)
        values (${id}, ${link}, ${at}, 'news.example', 'desktop', null, null, 0, null, 'h')`.execute(
        handle.db,
      );
    }
    await migrateToLatest(handle);
    const after = await handle.db
      .selectFrom("link_clicks")
      .select(["id", "clicked_at", "referrer_host"])
      .orderBy("id")
      .execute();
    expect(after).toEqual([
      { id: 1, clicked_at: "2026-12-01T10:00:00.000Z", referrer_host: "news.example" },
      { id: 2, clicked_at: "2026-12-02T10:00:00.000Z", referrer_host: "news.example" },
    ]);
    // New clicks are numbered after the carried ones, by the engine.
    await insertJsonRows(handle.db, "link_clicks", CLICK, [
      [link, NOW, null, "desktop", null, null, 0, null, "h"],
    ]);
    const ids = await handle.db.selectFrom("link_clicks").select("id").orderBy("id").execute();
    expect(ids.map((row) => row.id)).toEqual([1, 2, 3]);
  });
});

import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache";

describe("SQLite statement cache", () => {
  const opened: SQLite.Database[] = [];
  afterEach(() => {
    for (const database of opened.splice(0)) if (database.open) database.close();
  });

  function open() {
    const database = new SQLite(":memory:");
    opened.push(database);
    const prepared: string[] = [];
    const counting = {
      close: () => database.close(),
      prepare: (text: string) => {
        prepared.push(text);
        return database.prepare(text);
      },
    };
    return { database, prepared, counting };
  }

  it("prepares each SQL text once and keeps answering with fresh parameters", async () => {
    const { prepared, counting } = open();
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(counting) }),
    });
    await sql`create table t (id integer primary key, name text not null)`.execute(db);
    for (let id = 1; id <= 5; id++)
      await db
        .insertInto("t")
        .values({ id, name: `n${id}` })
        .execute();
    const names = [];
    for (let id = 1; id <= 5; id++)
      names.push(
        (await db.selectFrom("t").select("name").where("id", "=", id).executeTakeFirst())?.name,
      );
    expect(names).toEqual(["n1", "n2", "n3", "n4", "n5"]);
    expect(prepared.filter((text) => text.startsWith("insert"))).toHaveLength(1);
    expect(prepared.filter((text) => text.startsWith("select"))).toHaveLength(1);
  });

  it("keeps working when the schema changes under a cached statement", async () => {
    const { counting } = open();
    const db = new Kysely<{ t: { id: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(counting) }),
    });
    await sql`create table t (id integer primary key)`.execute(db);
    await db.insertInto("t").values({ id: 1 }).execute();
    expect(await db.selectFrom("t").selectAll().execute()).toEqual([{ id: 1 }]);
    await sql`alter table t add column note text`.execute(db);
    expect(await db.selectFrom("t").selectAll().execute()).toEqual([{ id: 1, note: null }]);
  });

  it("evicts the least recently used statement beyond its capacity", () => {
    const { prepared, counting } = open();
    const cache = withStatementCache(counting, 2);
    cache.prepare("select 1");
    cache.prepare("select 2");
    cache.prepare("select 1"); // now most recent
    cache.prepare("select 3"); // evicts "select 2"
    cache.prepare("select 1");
    cache.prepare("select 2");
    expect(prepared).toEqual(["select 1", "select 2", "select 3", "select 2"]);
  });
});

import { sql } from "kysely";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkDbHealth } from "./health";
import { migrateDown, migrateToLatest, migrationStatus } from "./migrator";
import { createTestDb, testDialects, type TestDb } from "./testing";

describe.each(testDialects())("database on %s", (dialect) => {
  let handle: TestDb | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it("migrates up and down, and reports each migration's state", async () => {
    handle = await createTestDb({ dialect, migrate: false });
    expect((await migrationStatus(handle)).every((m) => m.executedAt === null)).toBe(true);
    const applied = await migrateToLatest(handle);
    expect(applied).toContain("2026-11-21-0001-site-settings");
    expect(await migrateToLatest(handle)).toEqual([]);
    expect((await migrationStatus(handle)).every((m) => m.executedAt instanceof Date)).toBe(true);

    // Walk all the way down and back up: every down() must undo its up().
    for (let i = 0; i < applied.length; i++) await migrateDown(handle);
    expect((await migrationStatus(handle)).every((m) => m.executedAt === null)).toBe(true);
    expect(await migrateToLatest(handle)).toEqual(applied);
  });

  it("stores and reads a settings row with the portable types", async () => {
    handle = await createTestDb({ dialect });
    const at = new Date("2026-11-21T10:00:00.000Z").toISOString();
    await handle.db
      .insertInto("site_settings")
      .values({ key: "k", value: JSON.stringify({ on: true }), updated_at: at, updated_by: null })
      .execute();
    const row = await handle.db.selectFrom("site_settings").selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({ key: "k", value: '{"on":true}', updated_at: at, updated_by: null });
    await expect(
      handle.db
        .insertInto("site_settings")
        .values({ key: "k", value: "{}", updated_at: at, updated_by: null })
        .execute(),
    ).rejects.toThrow();
  });

  it("returns counts as numbers on every engine", async () => {
    handle = await createTestDb({ dialect });
    const { n } = await handle.db
      .selectFrom("site_settings")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(n).toBe(0);
  });

  it("answers a health check with latency", async () => {
    handle = await createTestDb({ dialect });
    const health = await checkDbHealth(handle.db);
    expect(health.ok).toBe(true);
    // A local round trip; a hung or reconnecting pool would take far longer.
    expect(health.latencyMs).toBeLessThan(1_000);
  });
});

describe("SQLite engine settings", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens files in WAL mode with foreign keys enforced", async () => {
    dir = mkdtempSync(join(tmpdir(), "digistore-db-"));
    const handle = await createTestDb({ dialect: "sqlite", file: join(dir, "nested", "store.db") });
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(mode.rows[0]?.journal_mode).toBe("wal");
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it("reports an unreachable database as unhealthy instead of throwing", async () => {
    const handle = await createTestDb({ dialect: "sqlite" });
    await handle.close();
    const health = await checkDbHealth(handle.db);
    expect(health.ok).toBe(false);
    expect(health.error).toBeTruthy();
  });
});

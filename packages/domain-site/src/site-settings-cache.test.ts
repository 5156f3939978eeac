import { ManualClock, SECOND } from "@digistore/core";
import { createDb, type Db } from "@digistore/db";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAINTENANCE_OFF } from "./maintenance";
import { rotateBypassKey } from "./rotate-bypass-key";
import { setMaintenance } from "./set-maintenance";
import { createSiteSettingsReader } from "./site-settings-cache";
import type { SiteContext } from "./ports";
import { actingAs, siteTestContext } from "./testing";
import { upsertSetting } from "./site-settings.repository";

/** Holds query results back until opened: a slow database, to pin down a race. */
class ResultGate implements KyselyPlugin {
  readonly reached: Promise<void>;
  #reached!: () => void;
  #opened!: () => void;
  readonly #open = new Promise<void>((resolve) => (this.#opened = resolve));

  constructor() {
    this.reached = new Promise<void>((resolve) => (this.#reached = resolve));
  }

  open(): void {
    this.#opened();
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.#reached();
    await this.#open;
    return args.result;
  }
}

describe.each(testDialects())("site settings cache on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let ctx: SiteContext;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-11-21T10:00:00.000Z");
    ctx = siteTestContext(t.db, dialect, { clock });
  });
  afterEach(() => t.close());

  /** A change written by "another process": straight to the table, no reader told. */
  const writeBehindItsBack = (enabled: boolean, message = "Behind your back.") =>
    upsertSetting(t.db, {
      key: "maintenance",
      value: JSON.stringify({
        enabled,
        message,
        expectedBackAt: null,
        changedAt: clock.now().toISOString(),
        changedBy: "other",
      }),
      updatedAt: clock.now().toISOString(),
      updatedBy: "other",
    });

  it("answers many reads within the TTL with one query, and refetches after it", async () => {
    const reader = createSiteSettingsReader({ db: t.db, clock });
    expect(reader.stats().queries).toBe(0);
    for (let i = 0; i < 25; i++) {
      expect(await reader.maintenance()).toEqual(MAINTENANCE_OFF);
      expect(await reader.bypassSecret()).toBeNull();
      clock.advance(100);
    }
    // 25 × 100 ms = 2.5 s, still inside the default 5 s.
    expect(reader.stats().queries).toBe(1);

    await writeBehindItsBack(true);
    clock.advance(2499);
    expect((await reader.maintenance()).enabled).toBe(false);
    expect(reader.stats().queries).toBe(1);

    clock.advance(1); // exactly 5 s after the fetch: expired
    expect((await reader.maintenance()).enabled).toBe(true);
    expect(reader.stats().queries).toBe(2);
    expect((await reader.snapshot()).maintenance.message).toBe("Behind your back.");
    expect(reader.stats().queries).toBe(2);
  });

  it("honours a custom TTL, and a TTL of 0 always asks", async () => {
    const slow = createSiteSettingsReader({ db: t.db, clock, ttlMs: 60 * SECOND });
    const never = createSiteSettingsReader({ db: t.db, clock, ttlMs: 0 });
    await slow.maintenance();
    await never.maintenance();
    clock.advance(30 * SECOND);
    await slow.maintenance();
    await never.maintenance();
    await never.maintenance();
    expect(slow.stats().queries).toBe(1);
    expect(never.stats().queries).toBe(3);
    expect(() => createSiteSettingsReader({ db: t.db, clock, ttlMs: -1 })).toThrow(RangeError);
  });

  it("refetches at once after invalidate(), which the verbs call for their own reader", async () => {
    const reader = createSiteSettingsReader({ db: t.db, clock });
    await reader.maintenance();
    await writeBehindItsBack(true);
    expect((await reader.maintenance()).enabled).toBe(false);
    reader.invalidate();
    expect((await reader.maintenance()).enabled).toBe(true);
    expect(reader.stats().queries).toBe(2);

    await setMaintenance(actingAs({ ...ctx, site: reader }, "staff-1"), { enabled: false });
    expect((await reader.maintenance()).enabled).toBe(false);
    expect(reader.stats().queries).toBe(3);

    expect(await reader.bypassSecret()).toBeNull();
    await rotateBypassKey(actingAs({ ...ctx, site: reader }, "staff-1"));
    expect(await reader.bypassSecret()).toMatchObject({ rotatedBy: "staff-1" });
    expect(reader.stats().queries).toBe(4);
  });

  it("lets two processes agree within the TTL: the changer at once, the other after its TTL", async () => {
    const a = createSiteSettingsReader({ db: t.db, clock });
    const b = createSiteSettingsReader({ db: t.db, clock });
    expect((await a.maintenance()).enabled).toBe(false);
    expect((await b.maintenance()).enabled).toBe(false);

    clock.advance(1 * SECOND);
    const state = await setMaintenance(actingAs({ ...ctx, site: a }, "staff-1"), {
      enabled: true,
      message: "Back soon.",
    });
    expect(await a.maintenance()).toEqual(state);

    // B fetched 1 s ago: it still serves the old answer, without a query.
    clock.advance(3999);
    expect((await b.maintenance()).enabled).toBe(false);
    expect(b.stats().queries).toBe(1);

    clock.advance(1);
    expect(await b.maintenance()).toEqual(state);
    expect(b.stats().queries).toBe(2);
  });

  it("shares one in-flight query between concurrent readers", async () => {
    await writeBehindItsBack(true, "Shared.");
    const reader = createSiteSettingsReader({ db: t.db, clock });
    const results = await Promise.all(Array.from({ length: 20 }, () => reader.maintenance()));
    expect(results.every((r) => r.message === "Shared.")).toBe(true);
    expect(reader.stats().queries).toBe(1);

    clock.advance(5 * SECOND);
    const [m, s] = await Promise.all([reader.maintenance(), reader.bypassSecret()]);
    expect(m.message).toBe("Shared.");
    expect(s).toBeNull();
    expect(reader.stats().queries).toBe(2);
  });

  it("serves the last good snapshot when a refresh fails, and retries on the next read", async () => {
    await writeBehindItsBack(true, "Last good.");
    const reader = createSiteSettingsReader({ db: t.db, clock });
    expect((await reader.maintenance()).message).toBe("Last good.");

    await t.db.schema.dropTable("site_settings").execute();
    clock.advance(5 * SECOND);
    expect((await reader.maintenance()).message).toBe("Last good.");
    expect(reader.stats()).toEqual({ queries: 2, failures: 1 });

    // Not cached as fresh: each read retries (concurrent ones still share one attempt).
    await Promise.all([reader.maintenance(), reader.maintenance(), reader.bypassSecret()]);
    expect(reader.stats()).toEqual({ queries: 3, failures: 2 });

    await t.db.schema
      .createTable("site_settings")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("updated_by", "text")
      .execute();
    await writeBehindItsBack(false, "Recovered.");
    expect((await reader.maintenance()).message).toBe("Recovered.");
    expect(reader.stats()).toEqual({ queries: 4, failures: 2 });
    expect((await reader.maintenance()).message).toBe("Recovered.");
    expect(reader.stats().queries).toBe(4);
  });

  it("passes the error on when it never had a good snapshot", async () => {
    await t.db.schema.dropTable("site_settings").execute();
    const reader = createSiteSettingsReader({ db: t.db, clock });
    await expect(reader.maintenance()).rejects.toThrow(/site_settings/);
    expect(reader.stats()).toEqual({ queries: 1, failures: 1 });
  });
});

describe.each(testDialects())("site settings cache racing a writer on %s", (dialect) => {
  let t: TestDb;
  let writer: Db;
  let dir: string | undefined;

  beforeEach(async () => {
    // The held query keeps its connection, so the write needs its own: a file for SQLite.
    dir = dialect === "sqlite" ? mkdtempSync(join(tmpdir(), "domain-site-")) : undefined;
    t = await createTestDb({ dialect, ...(dir ? { file: join(dir, "race.db") } : {}) });
    writer = await createDb(t.url);
  });
  afterEach(async () => {
    await writer.close();
    await t.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("never caches a query that was in flight when invalidate() was called", async () => {
    const clock = new ManualClock("2026-11-21T10:00:00.000Z");
    const gate = new ResultGate();
    const reader = createSiteSettingsReader({ db: t.db.withPlugin(gate), clock });
    const early = reader.maintenance();
    await gate.reached; // the query has read the old row; its answer is held back
    const joined = reader.maintenance(); // a concurrent caller joins the same query
    // Another process turns maintenance on; this process is told to forget.
    await setMaintenance(actingAs(siteTestContext(writer.db, dialect, { clock }), "staff-1"), {
      enabled: true,
      message: "New.",
    });
    reader.invalidate();
    gate.open();
    expect((await early).enabled).toBe(false);
    expect((await joined).enabled).toBe(false);
    expect(reader.stats().queries).toBe(1);
    expect((await reader.maintenance()).message).toBe("New.");
    expect(reader.stats().queries).toBe(2);
    expect((await reader.maintenance()).message).toBe("New.");
    expect(reader.stats().queries).toBe(2);
  });
});

describe.each(testDialects())("site settings cache after the database closes on %s", (dialect) => {
  it("keeps serving the last good snapshot", async () => {
    const t = await createTestDb({ dialect });
    let closed = false;
    const clock = new ManualClock("2026-11-21T10:00:00.000Z");
    try {
      const reader = createSiteSettingsReader({ db: t.db, clock });
      const state = await setMaintenance(
        actingAs(siteTestContext(t.db, dialect, { clock, site: reader }), "staff-1"),
        { enabled: true },
      );
      expect(await reader.maintenance()).toEqual(state);
      await t.close();
      closed = true;
      clock.advance(10 * SECOND);
      expect(await reader.maintenance()).toEqual(state);
      expect(reader.stats()).toEqual({ queries: 2, failures: 1 });
    } finally {
      if (!closed) await t.close();
    }
  });
});

import {
  ForbiddenError,
  ManualClock,
  MINUTE,
  UnauthorizedError,
  ValidationError,
  userActor,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkBypassKey } from "./bypass";
import { getBypassKeyInfo } from "./get-bypass-key-info";
import { getMaintenance } from "./get-maintenance";
import { DEFAULT_MAINTENANCE_MESSAGE, MAINTENANCE_OFF } from "./maintenance";
import { rotateBypassKey } from "./rotate-bypass-key";
import { setMaintenance } from "./set-maintenance";
import { createSiteSettingsReader } from "./site-settings-cache";
import type { SiteContext } from "./ports";
import { actingAs, siteTestContext } from "./testing";

describe.each(testDialects())("maintenance setting on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let ctx: SiteContext;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-11-21T10:00:00.000Z");
    ctx = siteTestContext(t.db, dialect, { clock });
  });
  afterEach(() => t.close());

  const rows = () => t.db.selectFrom("site_settings").selectAll().orderBy("key").execute();

  it("is off with the default message before anyone sets it", async () => {
    expect(await getMaintenance(ctx)).toEqual({
      enabled: false,
      message: "We are doing some maintenance. Please check back soon.",
      expectedBackAt: null,
      changedAt: null,
      changedBy: null,
    });
    expect(await rows()).toEqual([]);
  });

  it("round-trips a change and records who made it and when", async () => {
    const state = await setMaintenance(actingAs(ctx, "staff-1"), {
      enabled: true,
      message: "  Upgrading the database.  ",
      expectedBackAt: "2026-11-21T12:30:00+02:00",
    });
    expect(state).toEqual({
      enabled: true,
      message: "Upgrading the database.",
      expectedBackAt: "2026-11-21T10:30:00.000Z",
      changedAt: "2026-11-21T10:00:00.000Z",
      changedBy: "staff-1",
    });
    expect(await getMaintenance(ctx)).toEqual(state);
    const [row] = await rows();
    expect(row).toMatchObject({
      key: "maintenance",
      updated_at: "2026-11-21T10:00:00.000Z",
      updated_by: "staff-1",
    });
    expect(JSON.parse(row!.value)).toEqual(state);

    clock.advance(20 * MINUTE);
    const off = await setMaintenance(actingAs(ctx, null), { enabled: false });
    expect(off).toEqual({
      enabled: false,
      message: "Upgrading the database.",
      expectedBackAt: null,
      changedAt: "2026-11-21T10:20:00.000Z",
      changedBy: null,
    });
    expect(await getMaintenance(ctx)).toEqual(off);
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({
      updated_at: "2026-11-21T10:20:00.000Z",
      updated_by: null,
    });
  });

  it("uses the default message when turned on without one", async () => {
    const state = await setMaintenance(actingAs(ctx, "staff-1"), { enabled: true });
    expect(state.message).toBe(DEFAULT_MAINTENANCE_MESSAGE);
    expect(state.enabled).toBe(true);
  });

  it.each([
    ["an empty message", { enabled: true, message: "   " }, "message"],
    ["a 501-character message", { enabled: true, message: "x".repeat(501) }, "message"],
    [
      "a date that is not ISO 8601",
      { enabled: true, expectedBackAt: "tomorrow" },
      "expectedBackAt",
    ],
    [
      "a date without a zone",
      { enabled: true, expectedBackAt: "2026-11-21T12:00:00" },
      "expectedBackAt",
    ],
    ["no enabled flag", { message: "hi" }, "enabled"],
    ["enabled as a string", { enabled: "true" }, "enabled"],
  ])("refuses %s and changes nothing", async (_label, input, field) => {
    const before = await setMaintenance(actingAs(ctx, "staff-1"), {
      enabled: false,
      message: "Earlier.",
    });
    const rowsBefore = await rows();
    clock.advance(MINUTE);
    const error = await setMaintenance(actingAs(ctx, "staff-2"), input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    expect(await getMaintenance(ctx)).toEqual(before);
    expect(await rows()).toEqual(rowsBefore);
  });

  it("accepts exactly 500 characters", async () => {
    const state = await setMaintenance(actingAs(ctx, "s"), {
      enabled: true,
      message: "y".repeat(500),
    });
    expect(state.message).toHaveLength(500);
  });

  it.each([
    ["not JSON", "{nope"],
    ["the wrong shape", JSON.stringify({ enabled: "yes", message: "" })],
    ["JSON null", "null"],
  ])(
    "treats a corrupt row (%s) as off, on every read path, and can overwrite it",
    async (_l, value) => {
      await t.db
        .insertInto("site_settings")
        .values({
          key: "maintenance",
          value,
          updated_at: clock.now().toISOString(),
          updated_by: null,
        })
        .execute();
      expect(await getMaintenance(ctx)).toEqual(MAINTENANCE_OFF);
      const reader = createSiteSettingsReader({ db: t.db, clock });
      expect(await reader.maintenance()).toEqual(MAINTENANCE_OFF);

      const state = await setMaintenance(actingAs({ ...ctx, site: reader }, "staff-1"), {
        enabled: true,
      });
      expect(state.message).toBe(DEFAULT_MAINTENANCE_MESSAGE);
      expect(await reader.maintenance()).toEqual(state);
    },
  );

  it("refuses customers (FORBIDDEN) and anonymous callers (UNAUTHORIZED) and changes nothing", async () => {
    const customer = {
      ...ctx,
      actor: userActor({ id: "c-1", roles: { seller: true, staff: false } }),
    };
    const calls = [
      (c: SiteContext) => setMaintenance(c, { enabled: true }),
      (c: SiteContext) => rotateBypassKey(c),
      (c: SiteContext) => getBypassKeyInfo(c),
    ];
    for (const call of calls) {
      await expect(call(customer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(ctx)).rejects.toBeInstanceOf(UnauthorizedError);
    }
    expect(await rows()).toEqual([]);
    // Staff and the CLI (the store itself) may.
    await expect(getBypassKeyInfo(actingAs(ctx, "staff-1"))).resolves.toBeNull();
    await expect(getBypassKeyInfo(actingAs(ctx, null))).resolves.toBeNull();
  });

  it("refuses a bypass key that is not text, without counting it", async () => {
    const error = await checkBypassKey(ctx, { key: 42 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["key"]);
    expect(await t.db.selectFrom("rate_limits").selectAll().execute()).toEqual([]);
  });
});

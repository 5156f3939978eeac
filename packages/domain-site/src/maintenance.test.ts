import { ManualClock, MINUTE, ValidationError } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_MAINTENANCE_MESSAGE,
  MAINTENANCE_OFF,
  createSiteSettingsReader,
  getMaintenance,
  setMaintenance,
  type SiteDeps,
} from "./index";

describe.each(testDialects())("maintenance setting on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let deps: SiteDeps;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-11-21T10:00:00.000Z");
    deps = { db: t.db, clock };
  });
  afterEach(() => t.close());

  const rows = () => t.db.selectFrom("site_settings").selectAll().orderBy("key").execute();

  it("is off with the default message before anyone sets it", async () => {
    expect(await getMaintenance(deps)).toEqual({
      enabled: false,
      message: "We are doing some maintenance. Please check back soon.",
      expectedBackAt: null,
      changedAt: null,
      changedBy: null,
    });
    expect(await rows()).toEqual([]);
  });

  it("round-trips a change and records who made it and when", async () => {
    const state = await setMaintenance(deps, "staff-1", {
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
    expect(await getMaintenance(deps)).toEqual(state);
    const [row] = await rows();
    expect(row).toMatchObject({
      key: "maintenance",
      updated_at: "2026-11-21T10:00:00.000Z",
      updated_by: "staff-1",
    });
    expect(JSON.parse(row!.value)).toEqual(state);

    clock.advance(20 * MINUTE);
    const off = await setMaintenance(deps, null, { enabled: false });
    expect(off).toEqual({
      enabled: false,
      message: "Upgrading the database.",
      expectedBackAt: null,
      changedAt: "2026-11-21T10:20:00.000Z",
      changedBy: null,
    });
    expect(await getMaintenance(deps)).toEqual(off);
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({
      updated_at: "2026-11-21T10:20:00.000Z",
      updated_by: null,
    });
  });

  it("uses the default message when turned on without one", async () => {
    const state = await setMaintenance(deps, "staff-1", { enabled: true });
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
    const before = await setMaintenance(deps, "staff-1", { enabled: false, message: "Earlier." });
    const rowsBefore = await rows();
    clock.advance(MINUTE);
    const error = await setMaintenance(deps, "staff-2", input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    expect(await getMaintenance(deps)).toEqual(before);
    expect(await rows()).toEqual(rowsBefore);
  });

  it("accepts exactly 500 characters", async () => {
    const state = await setMaintenance(deps, "s", { enabled: true, message: "y".repeat(500) });
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
      expect(await getMaintenance(deps)).toEqual(MAINTENANCE_OFF);
      const reader = createSiteSettingsReader({ db: t.db, clock });
      expect(await reader.maintenance()).toEqual(MAINTENANCE_OFF);

      const state = await setMaintenance({ ...deps, reader }, "staff-1", { enabled: true });
      expect(state.message).toBe(DEFAULT_MAINTENANCE_MESSAGE);
      expect(await reader.maintenance()).toEqual(state);
    },
  );
});

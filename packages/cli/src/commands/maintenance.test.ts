import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { getMaintenance } from "@digistore/domain-site";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../main";
import { capture } from "../testing";

describe.each(testDialects())("digistore maintenance on %s", (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb({
      dialect,
      file: `/tmp/digistore-cli-maint-${process.pid}-${Date.now()}.db`,
    });
  });
  afterEach(() => t.close());

  it("switches maintenance on with a message and back time, reports it, and switches it off", async () => {
    const env = { DATABASE_URL: t.url };
    const on = capture();
    expect(
      await main(
        ["maintenance", "on", "--message", "Upgrading", "--back-at", "2030-01-01T10:00:00.000Z"],
        env,
        on.runtime,
      ),
    ).toBe(0);
    expect(on.out).toEqual(['Maintenance mode is ON: "Upgrading"']);
    expect(await getMaintenance({ db: t.db })).toMatchObject({
      enabled: true,
      message: "Upgrading",
      expectedBackAt: "2030-01-01T10:00:00.000Z",
    });

    const status = capture();
    await main(["maintenance", "status"], env, status.runtime);
    expect(status.out.join("\n")).toMatch(/maintenance\s+ON/);
    expect(status.out.join("\n")).toMatch(/bypass key\s+none/);

    const key = capture();
    await main(["maintenance", "rotate-key"], env, key.runtime);
    expect(key.out[0]).toMatch(/^New bypass key \(shown once\): \S{20,}$/);

    const off = capture();
    expect(await main(["maintenance", "off"], env, off.runtime)).toBe(0);
    expect((await getMaintenance({ db: t.db })).enabled).toBe(false);
  });

  it("refuses bad input and unknown actions without changing anything", async () => {
    const env = { DATABASE_URL: t.url };
    const badDate = capture();
    expect(
      await main(["maintenance", "on", "--back-at", "next tuesday"], env, badDate.runtime),
    ).toBe(1);
    expect(badDate.err[0]).toBeTruthy();
    const unknown = capture();
    expect(await main(["maintenance", "sideways"], env, unknown.runtime)).toBe(2);
    expect((await getMaintenance({ db: t.db })).enabled).toBe(false);
  });
});

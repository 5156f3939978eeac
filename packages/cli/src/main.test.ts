import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "./main";
import { capture } from "./testing";

describe.each(testDialects())("digistore CLI on %s", (dialect) => {
  let testDb: TestDb | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await testDb?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function freshUrl(): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), "digistore-cli-"));
    testDb = await createTestDb({ dialect, migrate: false, file: join(dir, "cli.db") });
    return testDb.url;
  }

  it("migrates up, reports status, and reverts", async () => {
    const env = { DATABASE_URL: await freshUrl() };
    const status = capture();
    expect(await main(["migrate", "status"], env, { io: status.io })).toBe(0);
    expect(status.out[0]).toMatch(/^pending\s+2026-11-21-0001-site-settings/);

    const doctorBefore = capture();
    expect(await main(["doctor"], env, { io: doctorBefore.io })).toBe(1);
    expect(doctorBefore.out.join("\n")).toMatch(/pending: 2026-11-21-0001-site-settings/);

    const up = capture();
    expect(await main(["migrate"], env, { io: up.io })).toBe(0);
    expect(up.out[0]).toMatch(/^Applied: .*site-settings/);
    const again = capture();
    await main(["migrate", "up"], env, { io: again.io });
    expect(again.out).toEqual(["Already up to date."]);

    const doctor = capture();
    expect(await main(["doctor"], env, { io: doctor.io })).toBe(0);
    expect(doctor.out.join("\n")).toMatch(new RegExp(`\\(${dialect}\\)`));
    expect(doctor.out.join("\n")).toMatch(/migrations\s+(\d+)\/\1 applied/);

    const down = capture();
    expect(await main(["migrate", "down"], env, { io: down.io })).toBe(0);
    expect(down.out[0]).toMatch(/^Reverted: /);
  });
});

describe("digistore CLI input errors", () => {
  it("rejects an unknown command or action with usage and exit code 2", async () => {
    const unknown = capture();
    expect(await main(["frobnicate"], { DATABASE_URL: ":memory:" }, { io: unknown.io })).toBe(2);
    expect(unknown.err[0]).toMatch(/unknown command "frobnicate"/);

    const action = capture();
    expect(
      await main(["migrate", "sideways"], { DATABASE_URL: ":memory:" }, { io: action.io }),
    ).toBe(2);
    expect(action.err[0]).toMatch(/unknown migrate action "sideways"/);
  });

  it("names the bad variable when configuration is wrong", async () => {
    const bad = capture();
    expect(await main(["doctor"], { DATABASE_URL: "mysql://x" }, { io: bad.io })).toBe(2);
    expect(bad.err[0]).toMatch(/DATABASE_URL: unsupported database URL/);
  });

  it("runs as an installed command", async () => {
    const bin = new URL("../bin/digistore.js", import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "--help"]);
    expect(stdout).toMatch(/digistore migrate/);
  });
});

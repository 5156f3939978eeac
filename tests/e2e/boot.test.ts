import { createTestDb } from "@digistore/db/testing";
import { sql } from "kysely";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, runServerExpectingExit } from "../support/server";

describe("server boot", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to start on bad configuration, naming each bad variable", async () => {
    const { code, output } = await runServerExpectingExit({
      DATABASE_URL: "mysql://x",
      PORT: "abc",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/PORT: must be a port number/);
    expect(output).toMatch(/DATABASE_URL: unsupported database URL "mysql:\/\/x"/);
  });

  it("refuses to start when a migration fails", async () => {
    dir = mkdtempSync(join(tmpdir(), "digistore-boot-"));
    const file = join(dir, "broken.db");
    // A table the first migration wants to create already exists, unrecorded: it must fail.
    const db = await createTestDb({ dialect: "sqlite", migrate: false, file });
    await sql`create table site_settings (oops integer)`.execute(db.db);
    await db.close();

    const { code, output } = await runServerExpectingExit({
      DATABASE_URL: `file:${file}`,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/failed to start: migration 2026-11-21-0001-site-settings failed/);
  });
});

import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../main";
import { capture } from "../testing";

describe.each(testDialects())("digistore user and worker on %s", (dialect) => {
  let t: TestDb;
  let dir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "digistore-cli-user-"));
    t = await createTestDb({ dialect, file: join(dir, "cli.db") });
    env = { DATABASE_URL: t.url, DATA_DIR: dir };
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates staff (not a customer) and sellers, verified", async () => {
    const staff = capture();
    expect(
      await main(
        ["user", "create", "--email", "Ops@Example.com", "--staff", "--password", "staff password"],
        env,
        staff.runtime,
      ),
    ).toBe(0);
    expect(staff.out[0]).toBe("Created ops@example.com (staff).");
    const seller = capture("seller password\n");
    expect(
      await main(
        ["user", "create", "--email", "maker@example.com", "--seller", "--name", "Maker"],
        env,
        seller.runtime,
      ),
    ).toBe(0);
    expect(seller.out[0]).toBe("Created maker@example.com (customer, seller).");
    const rows = await t.db
      .selectFrom("users")
      .select(["email", "is_customer", "is_staff", "is_seller", "email_verified_at"])
      .orderBy("email")
      .execute();
    expect(
      rows.map((r) => [
        r.email,
        r.is_customer,
        r.is_seller,
        r.is_staff,
        r.email_verified_at !== null,
      ]),
    ).toEqual([
      ["maker@example.com", 1, 1, 0, true],
      ["ops@example.com", 0, 0, 1, true],
    ]);
  });

  it("refuses a duplicate, a short password, both roles and a missing email", async () => {
    await main(
      ["user", "create", "--email", "a@example.com", "--password", "long enough"],
      env,
      capture().runtime,
    );
    const duplicate = capture();
    expect(
      await main(
        ["user", "create", "--email", "A@example.com", "--password", "long enough"],
        env,
        duplicate.runtime,
      ),
    ).toBe(1);
    expect(duplicate.err[0]).toMatch(/already exists/);
    const short = capture();
    expect(
      await main(
        ["user", "create", "--email", "b@example.com", "--password", "short"],
        env,
        short.runtime,
      ),
    ).toBe(1);
    expect(short.err[0]).toMatch(/at least 8 characters/);
    const both = capture();
    expect(
      await main(
        [
          "user",
          "create",
          "--email",
          "c@example.com",
          "--password",
          "long enough",
          "--staff",
          "--seller",
        ],
        env,
        both.runtime,
      ),
    ).toBe(1);
    expect(both.err[0]).toMatch(/both staff and seller/);
    const missing = capture();
    expect(await main(["user", "create", "--password", "long enough"], env, missing.runtime)).toBe(
      2,
    );
    const unknownFlag = capture();
    expect(
      await main(
        ["user", "create", "--email", "d@example.com", "--admin"],
        env,
        unknownFlag.runtime,
      ),
    ).toBe(2);
    expect(await t.db.selectFrom("users").select("email").execute()).toEqual([
      { email: "a@example.com" },
    ]);
  });

  it("sets a password and delivers queued email with worker --once", async () => {
    await main(
      ["user", "create", "--email", "a@example.com", "--password", "long enough"],
      env,
      capture().runtime,
    );
    const set = capture("a brand new one\n");
    expect(await main(["user", "set-password", "--email", "a@example.com"], env, set.runtime)).toBe(
      0,
    );
    const unknown = capture();
    expect(
      await main(
        ["user", "set-password", "--email", "ghost@example.com", "--password", "whatever1"],
        env,
        unknown.runtime,
      ),
    ).toBe(1);

    await t.db
      .insertInto("email_outbox")
      .values({
        id: "0190f0f0-0000-7000-8000-000000000001",
        kind: "password_changed",
        to_address: "a@example.com",
        subject: "Your password was changed",
        text_body: "text",
        html_body: "<p>html</p>",
        status: "pending",
        attempts: 0,
        next_attempt_at: "2000-01-01T00:00:00.000Z",
        locked_until: null,
        last_error: null,
        created_at: "2000-01-01T00:00:00.000Z",
        sent_at: null,
      })
      .execute();
    const worker = capture();
    expect(await main(["worker", "--once"], env, worker.runtime)).toBe(0);
    expect(worker.out[0]).toBe("Sent 1, retrying 0, failed 0.");
    expect(readdirSync(join(dir, "mail")).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
  });
});

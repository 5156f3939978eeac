import { ManualClock, ValidationError } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { EmailMessage } from "./messages";
import { createOutbox } from "./outbox";

const message: EmailMessage = {
  kind: "verify_email",
  to: "alice@example.com",
  displayName: "Alice",
  token: "tok",
};

describe.each(testDialects())("outbox on %s", (dialect) => {
  let handle: TestDb | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  const clock = new ManualClock("2026-11-21T10:00:00.000Z");
  const outbox = createOutbox({ publicUrl: "https://shop.example.com", storeName: "S", clock });

  it("queues a rendered, pending row when the transaction commits", async () => {
    handle = await createTestDb({ dialect });
    const id = await handle.db.transaction().execute((trx) => outbox.queue(trx, message));
    const row = await handle.db
      .selectFrom("email_outbox")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: "verify_email",
      to_address: "alice@example.com",
      status: "pending",
      attempts: 0,
      next_attempt_at: "2026-11-21T10:00:00.000Z",
      created_at: "2026-11-21T10:00:00.000Z",
      locked_until: null,
      last_error: null,
      sent_at: null,
    });
    expect(row.text_body).toContain("https://shop.example.com/verify-email?token=tok");
    expect(row.html_body).toContain("<html>");
    expect(row.subject).toContain("Confirm your email");
  });

  it("queues nothing when the transaction rolls back", async () => {
    handle = await createTestDb({ dialect });
    const db = handle.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await outbox.queue(trx, message);
        throw new Error("registration failed");
      }),
    ).rejects.toThrow("registration failed");
    const rows = await db.selectFrom("email_outbox").select("id").execute();
    expect(rows).toEqual([]);
  });

  it("rejects an invalid message with a ValidationError and stores nothing", async () => {
    handle = await createTestDb({ dialect });
    await expect(outbox.queue(handle.db, { ...message, to: "nope" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await handle.db.selectFrom("email_outbox").select("id").execute()).toEqual([]);
  });
});

describe("createOutbox", () => {
  it("refuses a publicUrl that is not http(s)", () => {
    const clock = new ManualClock();
    expect(() => createOutbox({ publicUrl: "javascript:alert(1)", storeName: "S", clock })).toThrow(
      /http/,
    );
    expect(() => createOutbox({ publicUrl: "not a url", storeName: "S", clock })).toThrow();
  });
});

import { ManualClock, SECOND, type Clock } from "@digistore/core";
import { createDb, type Database } from "@digistore/db";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import type { Kysely } from "kysely";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EmailMessage } from "./messages";
import { createOutbox } from "./outbox";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";
import type { MailTransport, OutgoingMail } from "./transports/mail-transport";
import { createSmtpTransport } from "./transports/smtp-transport";
import { createOutboxWorker, retryDelayMs } from "./worker";

const START = "2026-11-21T10:00:00.000Z";
const FROM = '"Pixel Shop" <no-reply@shop.example.com>';

function verify(n: number): EmailMessage {
  return {
    kind: "verify_email",
    to: `user${n}@example.com`,
    displayName: `User ${n}`,
    token: `t${n}`,
  };
}

function queueWith(clock: Clock) {
  return createOutbox({ publicUrl: "https://shop.example.com", storeName: "Pixel Shop", clock });
}

/** Records what it was asked to send; optionally slow or failing. */
function recordingTransport(options: { delayMs?: number; fail?: string } = {}) {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    async send(mail) {
      if (options.delayMs) await sleep(options.delayMs);
      if (options.fail !== undefined) throw new Error(options.fail);
      sent.push(mail);
    },
    describe: () => "recording",
  };
  return { transport, sent };
}

async function row(db: Kysely<Database>, id: string) {
  return db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe.each(testDialects())("outbox worker on %s", (dialect) => {
  let handle: TestDb | undefined;
  let sink: SmtpSink | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await sink?.close();
    sink = undefined;
    await handle?.close();
    handle = undefined;
  });

  it("delivers due mail through a real SMTP server and marks it sent", async () => {
    handle = await createTestDb({ dialect });
    sink = await startSmtpSink();
    const clock = new ManualClock(START);
    const id = await queueWith(clock).queue(handle.db, verify(1));
    clock.advance(5 * SECOND);
    const transport = createSmtpTransport(sink.url);
    const worker = createOutboxWorker({ db: handle.db, transport, clock, from: FROM });

    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.rcptTo).toEqual(["user1@example.com"]);
    expect(mail.decoded).toMatch(/^To: user1@example\.com\r?$/m);
    expect(mail.decoded).toMatch(/^From: "?Pixel Shop"? <no-reply@shop\.example\.com>\r?$/m);
    expect(mail.decoded).toMatch(/^Subject: Confirm your email address for Pixel Shop\r?$/m);
    expect(mail.decoded).toMatch(
      new RegExp(`^Message-ID: <${id}@shop\\.example\\.com>\\r?$`, "mi"),
    );
    expect(mail.decoded).toContain("Hi User 1,");
    expect(mail.decoded).toContain("https://shop.example.com/verify-email?token=t1");
    expect(mail.decoded).toContain("text/html");

    expect(await row(handle.db, id)).toMatchObject({
      status: "sent",
      attempts: 0,
      sent_at: "2026-11-21T10:00:05.000Z",
      locked_until: null,
    });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it("keeps a failed send pending with backoff, then delivers it once due", async () => {
    handle = await createTestDb({ dialect });
    sink = await startSmtpSink();
    const clock = new ManualClock(START);
    const id = await queueWith(clock).queue(handle.db, verify(1));
    const broken = recordingTransport({ fail: "connection refused" });
    const failing = createOutboxWorker({
      db: handle.db,
      transport: broken.transport,
      clock,
      from: FROM,
    });

    expect(await failing.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await row(handle.db, id)).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: "Error: connection refused",
      next_attempt_at: "2026-11-21T10:00:30.000Z",
      locked_until: null,
      sent_at: null,
    });

    const worker = createOutboxWorker({
      db: handle.db,
      transport: createSmtpTransport(sink.url),
      clock,
      from: FROM,
    });
    clock.advance(29 * SECOND);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1 * SECOND);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
    expect(await row(handle.db, id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("gives up after maxAttempts failures and truncates the stored error", async () => {
    handle = await createTestDb({ dialect });
    const clock = new ManualClock(START);
    const id = await queueWith(clock).queue(handle.db, verify(1));
    const broken = recordingTransport({ fail: "x".repeat(5000) });
    const worker = createOutboxWorker({
      db: handle.db,
      transport: broken.transport,
      clock,
      from: FROM,
      maxAttempts: 3,
    });

    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(retryDelayMs(1));
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await row(handle.db, id)).next_attempt_at).toBe("2026-11-21T10:02:30.000Z");
    clock.advance(retryDelayMs(2));
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });

    const failed = await row(handle.db, id);
    expect(failed).toMatchObject({ status: "failed", attempts: 3, locked_until: null });
    expect(failed.last_error).toHaveLength(1000);
    clock.advance(24 * 60 * 60 * SECOND);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("leaves mail that is not yet due, or claimed by another worker, alone", async () => {
    handle = await createTestDb({ dialect });
    const clock = new ManualClock(START);
    const later = await queueWith(new ManualClock("2026-11-21T11:00:00.000Z")).queue(
      handle.db,
      verify(1),
    );
    const claimed = await queueWith(clock).queue(handle.db, verify(2));
    await handle.db
      .updateTable("email_outbox")
      .set({ locked_until: "2026-11-21T10:00:30.000Z" })
      .where("id", "=", claimed)
      .execute();
    const { transport, sent } = recordingTransport();
    const worker = createOutboxWorker({ db: handle.db, transport, clock, from: FROM });

    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sent).toEqual([]);

    // A claim that outlived its lock belongs to a worker that died: take the row over.
    clock.advance(31 * SECOND);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sent.map((m) => m.messageId)).toEqual([claimed]);
    expect((await row(handle.db, later)).status).toBe("pending");

    clock.set("2026-11-21T11:00:00.000Z");
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sent.map((m) => m.messageId)).toEqual([claimed, later]);
  });

  it("sends each email exactly once when two workers run at the same time", async () => {
    if (dialect === "sqlite") {
      // Two connections to one file, as two processes would have.
      const dir = mkdtempSync(join(tmpdir(), "digistore-mail-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      handle = await createTestDb({ dialect, file: join(dir, "store.db") });
    } else {
      handle = await createTestDb({ dialect });
    }
    const other = await createDb(handle.url);
    cleanups.push(() => other.close());
    const second = other.db;

    const clock = new ManualClock(START);
    const outbox = queueWith(clock);
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push(await outbox.queue(handle.db, verify(n)));
    const { transport, sent } = recordingTransport({ delayMs: 2 });
    const options = { transport, clock, from: FROM, batchSize: 50 };
    const a = createOutboxWorker({ ...options, db: handle.db });
    const b = createOutboxWorker({ ...options, db: second });

    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);

    expect(ra.sent + rb.sent).toBe(12);
    expect(sent.map((m) => m.messageId).sort()).toEqual([...ids].sort());
    const statuses = await handle.db.selectFrom("email_outbox").select("status").execute();
    expect(statuses.every((r) => r.status === "sent")).toBe(true);
  });

  it("runs in the background until stopped and reports run errors", async () => {
    handle = await createTestDb({ dialect });
    const clock = new ManualClock(START);
    const id = await queueWith(clock).queue(handle.db, verify(1));
    const { transport, sent } = recordingTransport();
    const worker = createOutboxWorker({
      db: handle.db,
      transport,
      clock,
      from: FROM,
      intervalMs: 5,
    });
    worker.start();
    await waitFor(() => sent.length === 1);
    await worker.stop();
    expect((await row(handle.db, id)).status).toBe("sent");

    // After stop() nothing runs any more.
    await queueWith(clock).queue(handle.db, verify(2));
    await sleep(30);
    expect(sent).toHaveLength(1);

    const errors: unknown[] = [];
    const closed = await createTestDb({ dialect });
    await closed.close();
    const broken = createOutboxWorker({
      db: closed.db,
      transport,
      clock,
      from: FROM,
      intervalMs: 5,
      onError: (error) => errors.push(error),
    });
    broken.start();
    await waitFor(() => errors.length >= 2);
    await broken.stop();
    expect(errors[0]).toBeInstanceOf(Error);
  });
});

describe("retryDelayMs", () => {
  it("grows by 4x from 30 seconds and stops at 6 hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n) / SECOND)).toEqual([
      30, 120, 480, 1920, 7680, 21600, 21600, 21600,
    ]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await sleep(5);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { HOUR, SECOND, toTimestamp, type Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import type { MailTransport } from "./transports/mail-transport";

export interface OutboxWorkerOptions {
  readonly db: Kysely<Database>;
  readonly transport: MailTransport;
  readonly clock: Clock;
  /** Sender address, e.g. `"My Store" <no-reply@shop.example.com>`. */
  readonly from: string;
  readonly batchSize?: number;
  /** Failed sends before a row is given up as `failed`. */
  readonly maxAttempts?: number;
  /** How long a claim holds a row; must outlast one send (SMTP timeouts are below 60 s). */
  readonly lockMs?: number;
  readonly intervalMs?: number;
  /** Errors of a background run (e.g. database down). Delivery errors go to the row instead. */
  readonly onError?: (error: unknown) => void;
}

export interface OutboxRunResult {
  readonly sent: number;
  /** Failed this time, will be tried again later. */
  readonly retried: number;
  /** Failed for the last time (status `failed`). */
  readonly failed: number;
}

export interface OutboxWorker {
  runOnce(): Promise<OutboxRunResult>;
  /** Runs `runOnce` now and then every `intervalMs` after the previous run ends. */
  start(): void;
  /** Stops the loop and waits for a run in flight. */
  stop(): Promise<void>;
}

const BASE_RETRY_MS = 30 * SECOND;
const MAX_RETRY_MS = 6 * HOUR;
const MAX_ERROR_LENGTH = 1000;

/** Delay before the next try after `attempts` failures: 30 s, 2 min, 8 min, … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_RETRY_MS * 4 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, transport, clock, from } = options;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const lockMs = options.lockMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 2000;
  const onError = options.onError ?? (() => undefined);

  async function runOnce(): Promise<OutboxRunResult> {
    const result = { sent: 0, retried: 0, failed: 0 };
    const nowDate = clock.now();
    const now = toTimestamp(nowDate);
    const due = await db
      .selectFrom("email_outbox")
      .select(["id", "to_address", "subject", "text_body", "html_body", "attempts"])
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(batchSize)
      .execute();

    for (const row of due) {
      // The claim re-checks everything the select saw: only one worker's UPDATE can match, so
      // with several processes on one database each email is sent by exactly one of them.
      const claim = await db
        .updateTable("email_outbox")
        .set({ locked_until: toTimestamp(new Date(nowDate.getTime() + lockMs)) })
        .where("id", "=", row.id)
        .where("status", "=", "pending")
        .where("attempts", "=", row.attempts)
        .where("next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
        .executeTakeFirst();
      if (claim.numUpdatedRows === 0n) continue;

      try {
        await transport.send({
          from,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          messageId: row.id,
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= maxAttempts;
        const at = clock.now();
        await db
          .updateTable("email_outbox")
          .set({
            status: giveUp ? "failed" : "pending",
            attempts,
            last_error: errorText(error),
            next_attempt_at: toTimestamp(
              giveUp ? at : new Date(at.getTime() + retryDelayMs(attempts)),
            ),
            locked_until: null,
          })
          .where("id", "=", row.id)
          .execute();
        if (giveUp) result.failed++;
        else result.retried++;
        continue;
      }
      await db
        .updateTable("email_outbox")
        .set({ status: "sent", sent_at: toTimestamp(clock.now()), locked_until: null })
        .where("id", "=", row.id)
        .execute();
      result.sent++;
    }
    return result;
  }

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  async function tick(): Promise<void> {
    try {
      await runOnce();
    } catch (error) {
      try {
        onError(error);
      } catch {
        // A throwing error handler must not end the delivery loop.
      }
    } finally {
      inFlight = undefined;
      if (running) schedule(intervalMs);
    }
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      inFlight = tick();
    }, delayMs);
    // Queued mail must never keep a process (a CLI command, a test) alive on its own.
    timer.unref();
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      // A run still finishing from before a stop() reschedules itself when it ends.
      if (!inFlight) schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await inFlight;
    },
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

import { requireStaffOrSystem } from "@digistore/core";
import type { Dialect } from "@digistore/db";
import {
  ingestInTransaction,
  ingestPaymentEvent,
  type IngestContext,
  type IngestOutcome,
  type IngestResult,
} from "./ingest-payment-event";
import type { PaymentEvent } from "./provider";

export interface PaymentEventIngester {
  /** Resolves once the event is durable (the webhook may answer 2xx), with its outcome. */
  ingest(event: PaymentEvent): Promise<IngestResult>;
}

export interface PaymentEventIngesterOptions {
  /** Most events applied in one transaction. */
  readonly maxBatch?: number;
  /** Called with the size of each batch committed together (metrics, tests). */
  readonly onBatch?: (size: number) => void;
}

interface Waiting {
  readonly event: PaymentEvent;
  readonly received: string;
  readonly resolve: (result: IngestResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit on SQLite. It has a single writer, so webhook events queue for it anyway;
 * events that arrive while one transaction runs are applied together in the next, and the
 * commit — a large share of an event's cost — is paid once per batch. Each event keeps its
 * own outcome: if anything in a batch throws, the batch is rolled back and its events go
 * again one by one (`ingestPaymentEvent`), so one bad event never takes another's grant
 * with it.
 *
 * PostgreSQL gets no batching: its events run concurrently, one transaction each, and a
 * batch there would lock rows (orders, products' sales counts) in an order no other batch
 * agrees on — a deadlock waiting to happen.
 *
 * `deps.actor` is SYSTEM: the webhook acts as the store itself.
 */
export function createPaymentEventIngester(
  deps: IngestContext,
  options: PaymentEventIngesterOptions = {},
): PaymentEventIngester {
  // Built once at boot with the store's own actor (SYSTEM); a person's context is refused.
  requireStaffOrSystem(deps.actor);
  if (!batches(deps.dialect)) {
    return {
      ingest: async (event) => {
        const result = await ingestPaymentEvent(deps, event);
        options.onBatch?.(1);
        return result;
      },
    };
  }
  const maxBatch = options.maxBatch ?? 64;
  const waiting: Waiting[] = [];
  let scheduled = false;
  let running = false;

  // better-sqlite3 answers synchronously, so a transaction never yields to the event loop:
  // without a pause no second event could ever join it. One turn (setImmediate runs after
  // pending I/O) lets every request already read reach the queue first.
  function schedule(): void {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void drainOnce();
    });
  }

  async function drainOnce(): Promise<void> {
    running = true;
    try {
      await runBatch(waiting.splice(0, maxBatch));
    } finally {
      running = false;
      if (waiting.length > 0) schedule();
    }
  }

  async function runBatch(batch: Waiting[]): Promise<void> {
    let outcomes: IngestOutcome[] | null = null;
    if (batch.length > 1) {
      try {
        outcomes = await deps.db.transaction().execute(async (trx) => {
          const done: IngestOutcome[] = [];
          for (const w of batch) {
            done.push(
              await ingestInTransaction(trx, deps, w.event, w.received, { matchedOrderId: null }),
            );
          }
          return done;
        });
      } catch {
        outcomes = null; // rolled back: each goes again on its own below
      }
    }
    if (outcomes) {
      options.onBatch?.(batch.length);
      batch.forEach((w, i) => w.resolve({ outcome: outcomes[i]!, eventId: w.event.eventId }));
      return;
    }
    for (const w of batch) {
      await ingestPaymentEvent(deps, w.event, w.received).then(w.resolve, w.reject);
      options.onBatch?.(1);
    }
  }

  return {
    ingest(event) {
      return new Promise<IngestResult>((resolve, reject) => {
        waiting.push({ event, received: deps.clock.now().toISOString(), resolve, reject });
        schedule();
      });
    },
  };
}

function batches(dialect: Dialect): boolean {
  return dialect === "sqlite";
}

import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import type { RawClick } from "./click-facts";
import { storeClickBatch } from "./store-click-batch";
import { forgetOldVisitors } from "./visitor-salt";

interface ClickRecorderStats {
  /** Clicks handed to `record`. */
  readonly recorded: number;
  /** Clicks committed to the database. */
  readonly stored: number;
  /** Clicks refused because the queue was full, or lost to a batch that failed twice. */
  readonly dropped: number;
  readonly pending: number;
}

export interface ClickRecorder {
  /** Queue a click; never waits and never throws (the redirect has already been answered). */
  record(click: RawClick): void;
  /** Store everything queued so far, a batch per transaction. */
  flush(): Promise<void>;
  start(): void;
  /** Stop the timer and store what is queued: a graceful stop loses no click. */
  stop(): Promise<void>;
  stats(): ClickRecorderStats;
}

export interface ClickRecorderOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** How often the queue is written (default 1 s): what a `kill -9` can lose at most. */
  readonly flushIntervalMs?: number;
  readonly batchSize?: number;
  /** Clicks held at most while the database is slow; beyond it new clicks are dropped. */
  readonly maxQueue?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Clicks leave the response path here: the redirect pushes, a timer writes batches. One
 * flush runs at a time per process; a failed batch is retried once on the next flush.
 */
export function createClickRecorder(options: ClickRecorderOptions): ClickRecorder {
  const interval = options.flushIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 500;
  const maxQueue = options.maxQueue ?? 100_000;
  let queue: RawClick[] = [];
  let retry: RawClick[] | null = null;
  let recorded = 0;
  let stored = 0;
  let dropped = 0;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let lastPrune = 0;

  async function writeBatch(batch: RawClick[], isRetry: boolean): Promise<void> {
    try {
      await storeClickBatch(options.db, batch);
      stored += batch.length;
    } catch (error) {
      options.onError?.(error);
      if (isRetry) dropped += batch.length;
      else retry = batch;
      throw error;
    }
  }

  async function drain(): Promise<void> {
    if (retry) {
      const batch = retry;
      retry = null;
      await writeBatch(batch, true);
    }
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      queue = queue.slice(batchSize);
      await writeBatch(batch, false);
    }
    const now = options.clock.now();
    if (now.getTime() - lastPrune > 60 * 60 * 1000) {
      lastPrune = now.getTime();
      await forgetOldVisitors(options.db, now);
    }
  }

  function flush(): Promise<void> {
    flushing ??= drain().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    record(click) {
      recorded += 1;
      if (queue.length >= maxQueue) {
        dropped += 1;
        return;
      }
      queue.push(click);
    },
    async flush() {
      // A flush already running may have taken its batch before this call's clicks arrived.
      if (flushing) await flushing.catch(() => undefined);
      await flush();
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        flush().catch(() => undefined);
      }, interval);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (flushing) await flushing.catch(() => undefined);
      await flush().catch(() => flush());
    },
    stats: () => ({ recorded, stored, dropped, pending: queue.length + (retry?.length ?? 0) }),
  };
}

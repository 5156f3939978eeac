import { toTimestamp, type Clock } from "@digistore/core";
import { setTimeout as sleep } from "node:timers/promises";
import { Webhook } from "standardwebhooks";
import { notFound } from "../errors";
import { dodoId } from "../ids";

/** Why a delivery run started: the event itself, a `resend`, or a `duplicate`. */
export type WebhookRunKind = "original" | "resend" | "duplicate";

export interface WebhookAttempt {
  readonly run: WebhookRunKind;
  /** 1-based within its run. */
  readonly attempt: number;
  readonly at: string;
  readonly url: string;
  /** The receiver's HTTP status; `null` when the request itself failed (refused, timeout). */
  readonly statusCode: number | null;
  readonly error: string | null;
}

/** `pending` while any run may still send; otherwise delivered if any run got a 2xx. */
export type WebhookEventStatus = "pending" | "delivered" | "failed" | "no_endpoint";

/** The body Dodo POSTs: `{ business_id, type, timestamp, data }`. */
export interface WebhookPayload {
  readonly business_id: string;
  readonly type: string;
  readonly timestamp: string;
  readonly data: unknown;
}

export interface WebhookEventRecord {
  /** The `webhook-id` header: the same for every attempt, resend and duplicate. */
  readonly webhookId: string;
  readonly type: string;
  readonly timestamp: string;
  readonly payload: WebhookPayload;
  readonly status: WebhookEventStatus;
  readonly attempts: readonly WebhookAttempt[];
}

export interface WebhookDispatcherOptions {
  /** `whsec_` + base64, as Dodo shows it in the dashboard. */
  readonly secret: string;
  readonly url?: string | undefined;
  readonly clock: Clock;
  readonly businessId: string;
  /** Delay before each attempt; its length is the number of attempts. */
  readonly retryScheduleMs: readonly number[];
  readonly timeoutMs?: number;
}

export interface WebhookDispatcher {
  setUrl(url: string | undefined): void;
  url(): string | undefined;
  /**
   * Records the event and starts delivering it in the background. `data` is rendered again
   * for every attempt, so a retry carries the object as it is then (as Dodo re-sends it).
   */
  emit(type: string, data: () => unknown): WebhookEventRecord;
  /** Delivers the recorded event again: same webhook-id and timestamp, current data, fresh signature. */
  resend(webhookId: string): WebhookEventRecord;
  /** Delivers the identical event `times` more times, concurrently. */
  duplicate(webhookId: string, times: number): WebhookEventRecord;
  events(): WebhookEventRecord[];
  event(webhookId: string): WebhookEventRecord;
  /** Resolves once no delivery is running or waiting for a retry. */
  waitForDeliveries(): Promise<void>;
  /** Cancels pending retries and in-flight requests. */
  close(): Promise<void>;
}

type RunState = "running" | "delivered" | "failed" | "no_endpoint" | "cancelled";

interface Entry {
  readonly webhookId: string;
  readonly type: string;
  readonly timestamp: string;
  /** The body as of now: the envelope around the object's current state. */
  readonly render: () => string;
  /** The body last sent (or, before any attempt, rendered). */
  body: string;
  readonly attempts: WebhookAttempt[];
  readonly runs: RunState[];
}

const DEFAULT_TIMEOUT_MS = 15_000;

function statusOf(entry: Entry): WebhookEventStatus {
  if (entry.runs.includes("running")) return "pending";
  if (entry.runs.includes("delivered")) return "delivered";
  if (entry.runs.some((run) => run === "failed" || run === "cancelled")) return "failed";
  return "no_endpoint";
}

function snapshot(entry: Entry): WebhookEventRecord {
  return {
    webhookId: entry.webhookId,
    type: entry.type,
    timestamp: entry.timestamp,
    payload: JSON.parse(entry.body) as WebhookPayload,
    status: statusOf(entry),
    attempts: [...entry.attempts],
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** Sends Dodo-shaped events signed with Standard Webhooks, retrying on the given schedule. */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const signer = new Webhook(options.secret); // throws on a malformed secret
  const schedule = options.retryScheduleMs.length > 0 ? options.retryScheduleMs : [0];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const entries = new Map<string, Entry>();
  const inflight = new Set<Promise<void>>();
  const closing = new AbortController();
  let url = options.url;

  async function attempt(entry: Entry, run: WebhookRunKind, n: number, target: string) {
    const sentAt = options.clock.now();
    const body = entry.render();
    entry.body = body;
    const headers = {
      "content-type": "application/json",
      "user-agent": "dodo-emulator",
      "webhook-id": entry.webhookId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signer.sign(entry.webhookId, sentAt, body),
    };
    const record = (statusCode: number | null, error: string | null) =>
      entry.attempts.push({
        run,
        attempt: n,
        at: toTimestamp(sentAt),
        url: target,
        statusCode,
        error,
      });
    try {
      const response = await fetch(target, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      record(response.status, null);
      return response.status >= 200 && response.status < 300;
    } catch (error) {
      record(null, describeError(error));
      return false;
    }
  }

  async function deliver(entry: Entry, run: WebhookRunKind): Promise<RunState> {
    for (const [i, delay] of schedule.entries()) {
      if (delay > 0) {
        try {
          await sleep(delay, undefined, { signal: closing.signal });
        } catch {
          return "cancelled";
        }
      }
      if (closing.signal.aborted) return "cancelled";
      const target = url;
      if (target === undefined) return i === 0 ? "no_endpoint" : "failed";
      if (await attempt(entry, run, i + 1, target)) return "delivered";
    }
    return "failed";
  }

  function startRun(entry: Entry, run: WebhookRunKind): void {
    const index = entry.runs.push("running") - 1;
    const promise = (async () => {
      try {
        entry.runs[index] = await deliver(entry, run);
      } catch {
        entry.runs[index] = "failed";
      }
    })();
    inflight.add(promise);
    void promise.finally(() => inflight.delete(promise));
  }

  function find(webhookId: string): Entry {
    const entry = entries.get(webhookId);
    if (!entry) throw notFound("Webhook event", webhookId);
    return entry;
  }

  return {
    setUrl(next) {
      url = next;
    },
    url: () => url,
    emit(type, data) {
      const timestamp = toTimestamp(options.clock.now());
      const webhookId = dodoId("msg");
      const render = () =>
        JSON.stringify({ business_id: options.businessId, type, timestamp, data: data() });
      const entry: Entry = {
        webhookId,
        type,
        timestamp,
        render,
        body: render(),
        attempts: [],
        runs: [],
      };
      entries.set(webhookId, entry);
      startRun(entry, "original");
      return snapshot(entry);
    },
    resend(webhookId) {
      const entry = find(webhookId);
      startRun(entry, "resend");
      return snapshot(entry);
    },
    duplicate(webhookId, times) {
      const entry = find(webhookId);
      for (let i = 0; i < times; i++) startRun(entry, "duplicate");
      return snapshot(entry);
    },
    events: () => [...entries.values()].map(snapshot),
    event: (webhookId) => snapshot(find(webhookId)),
    async waitForDeliveries() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
    async close() {
      closing.abort();
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
  };
}

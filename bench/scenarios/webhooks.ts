import { createDb } from "@digistore/db";
import type autocannon from "autocannon";
import { Webhook } from "standardwebhooks";
import {
  generatePendingOrders,
  paymentSucceededBody,
  type GeneratedOrders,
} from "../generators/orders";
import { benchSeconds, measure, type LoadResult } from "../lib/load";
import { onSqliteAndPostgres, type DialectLabel, type DialectRun } from "../lib/dialects";
import { cpuDuring } from "../lib/proc";
import { ratio, type Ratio, type Scenario } from "../lib/scenario";
import {
  BENCH_WEBHOOK_KEY,
  startBareServer,
  startStore,
  startStoreVerifyOnly,
} from "../lib/targets";
import { VERIFY_ONLY_PATH } from "../servers/verify-only-path";

const WEBHOOK_SECRET = BENCH_WEBHOOK_KEY;
const PATH = "/webhooks/dodo";
const PRODUCTS = 100;
/**
 * One pending order per request the load can send: warm-up plus measured seconds at this
 * rate. Far above what ingest reaches here; running out is reported, never hidden.
 */
const HEADROOM_EVENTS_PER_SECOND = 5000;
const MAX_ORDERS = 200_000;

interface SignedEvent {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** Signs every body up front (signing is the sender's cost, not the server's). */
function signAll(bodies: readonly string[], tag: string): { events: SignedEvent[]; ms: number } {
  const started = performance.now();
  const webhook = new Webhook(WEBHOOK_SECRET);
  const at = new Date();
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const events = bodies.map((body, i) => {
    const id = `msg_bench_${tag}_${i.toString(36)}`;
    return {
      body: Buffer.from(body),
      headers: {
        "content-type": "application/json",
        "user-agent": "digistore-bench",
        "webhook-id": id,
        "webhook-timestamp": timestamp,
        "webhook-signature": webhook.sign(id, at, body),
      },
    };
  });
  return { events, ms: Math.round(performance.now() - started) };
}

interface FeedStats {
  sent: number;
  ok: number;
  processed: number;
  /** Other answers by status and outcome, e.g. "200 duplicate" or "500". */
  readonly other: Record<string, number>;
  /** The pool ran out and events were sent again (duplicates): the figures undercount work. */
  exhausted: boolean;
}

/**
 * Hands each request the next pre-signed event, across all connections, so no event is sent
 * twice; `cycle` lets a stateless baseline wrap around the pool instead.
 */
function feed(events: readonly SignedEvent[], cycle: boolean, path: string) {
  const stats: FeedStats = { sent: 0, ok: 0, processed: 0, other: {}, exhausted: false };
  let next = 0;
  const perConnection = (): autocannon.Request[] => [
    {
      method: "POST",
      path,
      setupRequest: (request) => {
        let index = next++;
        if (index >= events.length) {
          if (!cycle) stats.exhausted = true;
          index %= events.length;
        }
        stats.sent++;
        const event = events[index]!;
        return {
          ...request,
          method: "POST",
          path,
          headers: { ...event.headers },
          body: event.body,
        };
      },
      onResponse: (status, body) => {
        if (status === 200) {
          stats.ok++;
          if (cycle || body.includes('"outcome":"processed"')) {
            stats.processed++;
            return;
          }
        }
        const outcome = /"outcome":"(\w+)"/.exec(body)?.[1];
        const key = outcome ? `${status} ${outcome}` : String(status);
        stats.other[key] = (stats.other[key] ?? 0) + 1;
      },
    },
  ];
  return { stats, perConnection };
}

async function post(url: string, event: SignedEvent): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: "POST", headers: event.headers, body: event.body });
  return { status: response.status, text: await response.text() };
}

interface Counts {
  readonly events: Record<string, number>;
  readonly purchases: number;
  readonly paidOrders: number;
  readonly receipts: number;
  readonly receiptsByStatus: Record<string, number>;
  readonly salesCount: number;
}

async function countWork(databaseUrl: string): Promise<Counts> {
  const handle = await createDb(databaseUrl, { poolSize: 1 });
  try {
    const db = handle.db;
    const events = await db
      .selectFrom("payment_events")
      .select(["outcome", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("outcome")
      .execute();
    const one = async (query: { execute(): Promise<{ n: number | string | null }[]> }) =>
      Number((await query.execute())[0]?.n ?? 0);
    const receipts = await db
      .selectFrom("email_outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("kind", "=", "receipt")
      .groupBy("status")
      .execute();
    return {
      events: Object.fromEntries(events.map((r) => [r.outcome, Number(r.n)])),
      purchases: await one(
        db.selectFrom("purchased_products").select((eb) => eb.fn.countAll<number>().as("n")),
      ),
      paidOrders: await one(
        db
          .selectFrom("orders")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "paid"),
      ),
      receipts: receipts.reduce((sum, r) => sum + Number(r.n), 0),
      receiptsByStatus: Object.fromEntries(receipts.map((r) => [r.status, Number(r.n)])),
      salesCount: await one(
        db.selectFrom("products").select((eb) => eb.fn.sum<number>("sales_count").as("n")),
      ),
    };
  } finally {
    await handle.close();
  }
}

/** Waits until requests still in flight when the load stopped have finished in the server. */
async function settledCounts(databaseUrl: string): Promise<Counts> {
  let previous = await countWork(databaseUrl);
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const current = await countWork(databaseUrl);
    if (JSON.stringify(current.events) === JSON.stringify(previous.events)) return current;
    previous = current;
  }
  return previous;
}

interface VerifyOnlyRun {
  readonly result: LoadResult;
  /** Server CPU per answered request (warm-up and measured run alike), if /proc tells. */
  readonly cpuMs: number | null;
  readonly signMs: number;
}

/** Loads a stateless verify-only endpoint with the same bodies (it may wrap around the pool). */
async function measureVerifyOnly(
  name: string,
  target: { url: string; pid: number | null },
  path: string,
  bodies: readonly string[],
  tag: string,
): Promise<VerifyOnlyRun> {
  const signed = signAll(bodies, tag);
  const check = await post(`${target.url}${path}`, signed.events[0]!);
  if (check.status !== 200) throw new Error(`${name} answered ${check.status}: ${check.text}`);
  const load = feed(signed.events, true, path);
  const measured = await cpuDuring(target.pid, () =>
    measure(name, { url: `${target.url}${path}`, perConnection: load.perConnection }),
  );
  return {
    result: measured.value,
    cpuMs: measured.cpuSeconds === null ? null : (measured.cpuSeconds * 1000) / load.stats.ok,
    signMs: signed.ms,
  };
}

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

function cpuRatio(name: string, baselineMs: number | null, candidateMs: number | null): Ratio[] {
  return baselineMs && candidateMs
    ? [{ name, value: Math.round((baselineMs / candidateMs) * 1000) / 1000 }]
    : [];
}

async function runOn(label: DialectLabel, env: Record<string, string>): Promise<DialectRun> {
  const seconds = benchSeconds();
  const orders = Math.min(
    MAX_ORDERS,
    Math.ceil((Math.min(2, seconds) + seconds) * HEADROOM_EVENTS_PER_SECOND) + 1,
  );
  let generated: GeneratedOrders | undefined;
  const store = await startStore(env, {
    prepare: async (databaseUrl) => {
      generated = await generatePendingOrders(databaseUrl, { orders, products: PRODUCTS });
    },
  });
  try {
    const made = generated!;
    const now = new Date();
    const bodies = made.orders.map((order, i) => paymentSucceededBody(order, i, now));
    // The last order is the pre-flight: proves the path end to end before the load.
    const preflightBody = bodies.pop()!;

    // The baseline: the store's own HTTP stack with an endpoint that only verifies.
    const inStack = await startStoreVerifyOnly(env);
    let stack: VerifyOnlyRun;
    try {
      stack = await measureVerifyOnly(
        `verify-only (store stack) @${label}`,
        inStack,
        VERIFY_ONLY_PATH,
        bodies,
        `stack_${label}`,
      );
    } finally {
      await inStack.stop();
    }
    // For scale: the same check on bare node:http, i.e. what Express, request logging and the
    // adapter's parsing cost before any ingesting.
    const bare = await startBareServer("verify-webhook.ts", [], { WEBHOOK_SECRET });
    let floor: VerifyOnlyRun;
    try {
      floor = await measureVerifyOnly(
        `verify-only (bare node:http) @${label}`,
        bare,
        PATH,
        bodies,
        `bare_${label}`,
      );
    } finally {
      await bare.stop();
    }

    // The store: every event names a distinct pending order, so each is verified, stored,
    // applied (order paid, purchase granted, sales count) and a receipt queued.
    const preflight = signAll([preflightBody], `preflight_${label}`).events[0]!;
    const check = await post(`${store.url}${PATH}`, preflight);
    if (check.status !== 200 || !check.text.includes('"outcome":"processed"'))
      throw new Error(`webhook pre-flight answered ${check.status}: ${check.text}`);
    const signed = signAll(bodies, `ingest_${label}`);
    const load = feed(signed.events, false, PATH);
    const measured = await cpuDuring(store.pid, async () => {
      const result = await measure(`webhook ingest @${label}`, {
        url: `${store.url}${PATH}`,
        perConnection: load.perConnection,
      });
      return { result, counts: await settledCounts(store.databaseUrl) };
    });
    const ingest = measured.value.result;
    const counts = measured.value.counts;
    const processed = counts.events.processed ?? 0;
    // Every event the load made the store process (the pre-flight ran before the window).
    const ingestCpuMs =
      measured.cpuSeconds === null ? null : (measured.cpuSeconds * 1000) / (processed - 1);
    // The pre-flight event is one more processed event than the load's.
    const answeredProcessed = load.stats.processed + 1;
    const sent = load.stats.sent + 1;
    const consistent =
      processed === counts.purchases &&
      processed === counts.paidOrders &&
      processed === counts.receipts &&
      processed === counts.salesCount &&
      processed >= answeredProcessed &&
      processed <= sent &&
      Object.keys(counts.events).every((outcome) => outcome === "processed");
    return {
      results: [stack.result, floor.result, ingest],
      ratios: [
        ratio(`ingest / verify-only in the store's stack @${label}`, ingest, stack.result, 0.3),
        ratio(`ingest / verify-only on bare node:http @${label} (info)`, ingest, floor.result),
        // Not the measure: what the ratio would be if each server had a core to itself
        // (CPU per request barely depends on what else runs on the machine).
        ...cpuRatio(
          label === "postgres"
            ? `ingest / verify-only in the store's stack @${label}, by node CPU per request (info; PostgreSQL's own CPU not counted)`
            : `ingest / verify-only in the store's stack @${label}, by server CPU per request (info)`,
          stack.cpuMs,
          ingestCpuMs,
        ),
      ],
      notes: {
        eventsPerSecond: ingest.requestsPerSecond,
        "server CPU ms per request": {
          verifyOnlyBareHttp: round3(floor.cpuMs),
          verifyOnlyStoreStack: round3(stack.cpuMs),
          ingest: round3(ingestCpuMs),
        },
        pendingOrders: made.orders.length,
        buyers: made.buyers,
        products: made.products,
        generateMs: made.insertMs,
        signMs: { verifyStack: stack.signMs, verifyBare: floor.signMs, ingest: signed.ms },
        bodyBytes: signed.events[0]!.body.length,
        eventsSent: sent,
        answered200Processed: answeredProcessed,
        otherAnswers: load.stats.other,
        poolExhausted: load.stats.exhausted,
        paymentEventsByOutcome: counts.events,
        purchasedProducts: counts.purchases,
        paidOrders: counts.paidOrders,
        receiptsQueued: counts.receipts,
        receiptsByStatus: counts.receiptsByStatus,
        salesCountTotal: counts.salesCount,
        // Requests the server finished after autocannon stopped listening: processed, but no
        // answer was counted.
        processedWithoutCountedAnswer: processed - answeredProcessed,
        countsConsistent: consistent,
      },
    };
  } finally {
    await store.stop();
  }
}

/**
 * Signed `payment.succeeded` events, one per distinct pending order, through the real store's
 * webhook endpoint, against an endpoint that only verifies the signature; on SQLite and, when
 * reachable, PostgreSQL.
 */
export const webhooks: Scenario = {
  name: "webhooks",
  description:
    "signed payment.succeeded ingest (distinct orders) vs a signature-only endpoint in the store's stack (and on bare node:http), SQLite and PostgreSQL",
  run: () => onSqliteAndPostgres(runOn),
};

import { RateLimitedError } from "@digistore/core";
import type { Database } from "@digistore/db";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";

/** A limit: at most `limit` hits per `windowMs`, counted per subject (email, IP, user id). */
export interface RateLimitRule {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  /** What the person is told when they hit it; the wait is appended. */
  readonly message: string;
}

export interface RateLimitState {
  readonly hits: number;
  readonly blocked: boolean;
  readonly retryAfterSeconds: number;
}

// Subjects are hashed so the table never holds raw emails or IP addresses.
/** The stored key for a subject: hashed, so the table never holds raw addresses or emails. */
export function rateLimitKey(rule: RateLimitRule, subject: string): string {
  return `${rule.name}:${createHash("sha256").update(subject.toLowerCase()).digest("hex").slice(0, 32)}`;
}

function stateOf(
  rule: RateLimitRule,
  hits: number,
  windowStartedAt: string,
  now: Date,
): RateLimitState {
  const windowEnds = new Date(windowStartedAt).getTime() + rule.windowMs;
  return {
    hits,
    blocked: hits >= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  };
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

function rateLimitedError(rule: RateLimitRule, state: RateLimitState): RateLimitedError {
  return new RateLimitedError(
    `${rule.message} Try again in ${waitText(state.retryAfterSeconds)}.`,
    state.retryAfterSeconds,
  );
}

/** Current count without adding a hit (an expired window counts as empty). */
export async function peekRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
  now: Date,
): Promise<RateLimitState> {
  const row = await db
    .selectFrom("rate_limits")
    .select(["hits", "window_started_at"])
    .where("key", "=", rateLimitKey(rule, subject))
    .executeTakeFirst();
  const windowOpen =
    row && new Date(row.window_started_at).getTime() + rule.windowMs > now.getTime();
  return windowOpen
    ? stateOf(rule, row.hits, row.window_started_at, now)
    : stateOf(rule, 0, now.toISOString(), now);
}

/**
 * Adds one hit atomically (one upsert, safe under concurrency and across processes) and
 * returns the state after it. A window that has run out restarts at this hit.
 */
export async function recordRateLimitHit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
  now: Date,
): Promise<RateLimitState> {
  const nowText = now.toISOString();
  const expiredBefore = new Date(now.getTime() - rule.windowMs).toISOString();
  const row = await db
    .insertInto("rate_limits")
    .values({ key: rateLimitKey(rule, subject), window_started_at: nowText, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        hits: eb
          .case()
          .when("rate_limits.window_started_at", "<=", expiredBefore)
          .then(1)
          .else(eb("rate_limits.hits", "+", 1))
          .end(),
        window_started_at: eb
          .case()
          .when("rate_limits.window_started_at", "<=", expiredBefore)
          .then(nowText)
          .else(eb.ref("rate_limits.window_started_at"))
          .end(),
      })),
    )
    .returning(["hits", "window_started_at"])
    .executeTakeFirstOrThrow();
  return stateOf(rule, row.hits, row.window_started_at, now);
}

/** Throws RATE_LIMITED when the subject has used up its window; adds nothing. */
export async function assertNotRateLimited(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
  now: Date,
): Promise<void> {
  const state = await peekRateLimit(db, rule, subject, now);
  if (state.blocked) throw rateLimitedError(rule, state);
}

/** Counts this request and throws RATE_LIMITED if it goes over the limit. */
export async function consumeRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
  now: Date,
): Promise<void> {
  const state = await recordRateLimitHit(db, rule, subject, now);
  if (state.hits > rule.limit) throw rateLimitedError(rule, state);
}

export async function clearRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", rateLimitKey(rule, subject)).execute();
}

/** Drops counters whose window ended long ago; run from the background worker. */
export async function pruneRateLimits(db: Kysely<Database>, olderThan: Date): Promise<number> {
  const result = await db
    .deleteFrom("rate_limits")
    .where("window_started_at", "<", olderThan.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

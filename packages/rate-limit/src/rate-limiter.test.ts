import { MINUTE, ManualClock, RateLimitedError } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  assertNotRateLimited,
  clearRateLimit,
  consumeRateLimit,
  peekRateLimit,
  pruneRateLimits,
  recordRateLimitHit,
  type RateLimitRule,
} from "./rate-limiter";

const rule: RateLimitRule = {
  name: "test",
  limit: 3,
  windowMs: 10 * MINUTE,
  message: "Slow down.",
};

describe.each(testDialects())("rate limiter on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-11-21T10:00:00.000Z");
  });
  afterEach(() => t.close());

  it("trips after the limit and recovers when the window ends", async () => {
    for (let i = 0; i < 3; i++) await consumeRateLimit(t.db, rule, "a@x.io", clock.now());
    clock.advance(4 * MINUTE);
    const error = await consumeRateLimit(t.db, rule, "a@x.io", clock.now()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(6 * 60);
    expect((error as RateLimitedError).message).toBe("Slow down. Try again in 6 minutes.");

    clock.advance(6 * MINUTE);
    await expect(consumeRateLimit(t.db, rule, "a@x.io", clock.now())).resolves.toBeUndefined();
    expect((await peekRateLimit(t.db, rule, "a@x.io", clock.now())).hits).toBe(1);
  });

  it("counts subjects separately and case-insensitively", async () => {
    for (let i = 0; i < 3; i++) await recordRateLimitHit(t.db, rule, "A@X.io", clock.now());
    await expect(assertNotRateLimited(t.db, rule, "a@x.io", clock.now())).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    await expect(assertNotRateLimited(t.db, rule, "b@x.io", clock.now())).resolves.toBeUndefined();
  });

  it("peeking adds nothing and clearing forgets", async () => {
    await recordRateLimitHit(t.db, rule, "s", clock.now());
    await peekRateLimit(t.db, rule, "s", clock.now());
    expect((await peekRateLimit(t.db, rule, "s", clock.now())).hits).toBe(1);
    await clearRateLimit(t.db, rule, "s");
    expect((await peekRateLimit(t.db, rule, "s", clock.now())).hits).toBe(0);
  });

  it("counts concurrent hits exactly", async () => {
    const wide = { ...rule, limit: 1000 };
    await Promise.all(
      Array.from({ length: 25 }, () => recordRateLimitHit(t.db, wide, "c", clock.now())),
    );
    expect((await peekRateLimit(t.db, wide, "c", clock.now())).hits).toBe(25);
  });

  it("never stores the raw subject and prunes old windows", async () => {
    await recordRateLimitHit(t.db, rule, "secret@example.com", clock.now());
    const rows = await t.db.selectFrom("rate_limits").selectAll().execute();
    expect(JSON.stringify(rows)).not.toMatch(/secret/);
    clock.advance(60 * MINUTE);
    expect(await pruneRateLimits(t.db, new Date(clock.now().getTime() - 30 * MINUTE))).toBe(1);
  });
});

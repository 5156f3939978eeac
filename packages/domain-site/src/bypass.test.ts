import { DAY, ForbiddenError, ManualClock, MINUTE, RateLimitedError } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BYPASS_COOKIE_TTL_MS, checkBypassKey, verifyBypassCookie } from "./bypass";
import { type BypassSecret } from "./bypass-secret";
import { getBypassKeyInfo } from "./get-bypass-key-info";
import { rotateBypassKey } from "./rotate-bypass-key";
import { createSiteSettingsReader } from "./site-settings-cache";
import type { SiteContext } from "./ports";
import { actingAs, siteTestContext } from "./testing";
import { findBypassSecret } from "./find-bypass-secret";

describe.each(testDialects())("maintenance bypass on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let ctx: SiteContext;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-11-21T10:00:00.000Z");
    ctx = siteTestContext(t.db, dialect, { clock });
  });
  afterEach(() => t.close());

  const secret = async (): Promise<BypassSecret> => {
    const s = await findBypassSecret(t.db);
    if (!s) throw new Error("no bypass secret stored");
    return s;
  };
  /** The same context, calling from `ip` (undefined: unknown). */
  const fromIp = (ip: string | undefined): SiteContext => ({ ...ctx, client: { ip } });
  const refusal = (candidate: string, ip: string | undefined) =>
    checkBypassKey(fromIp(ip), { key: candidate }).catch((e: unknown) => e);
  const IP = "203.0.113.7";

  it("rotates to a random key stored only as a hash, with who and when", async () => {
    const { key } = await rotateBypassKey(actingAs(ctx, "staff-1"));
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const rows = await t.db.selectFrom("site_settings").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: "maintenance_bypass",
      updated_at: "2026-11-21T10:00:00.000Z",
      updated_by: "staff-1",
    });
    expect(JSON.stringify(rows)).not.toContain(key);
    const stored = await secret();
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).toMatchObject({ rotatedAt: "2026-11-21T10:00:00.000Z", rotatedBy: "staff-1" });
    expect(await getBypassKeyInfo(actingAs(ctx, null))).toEqual({
      rotatedAt: "2026-11-21T10:00:00.000Z",
      rotatedBy: "staff-1",
    });

    const again = await rotateBypassKey(actingAs(ctx, null));
    expect(again.key).not.toBe(key);
    expect((await secret()).version).not.toBe(stored.version);
    expect(await getBypassKeyInfo(actingAs(ctx, null))).toMatchObject({ rotatedBy: null });
  });

  it("turns the right key into a 24-hour cookie that verifies until it expires", async () => {
    const { key } = await rotateBypassKey(actingAs(ctx, "staff-1"));
    const granted = await checkBypassKey(fromIp("203.0.113.7"), { key });
    expect(granted).toMatchObject({ ok: true, expiresAt: "2026-11-22T10:00:00.000Z" });
    expect(granted.cookieValue).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(granted.cookieValue.startsWith(`${Date.parse("2026-11-22T10:00:00.000Z")}.`)).toBe(true);

    const s = await secret();
    expect(verifyBypassCookie(s, granted.cookieValue, clock.now())).toBe(true);
    clock.advance(BYPASS_COOKIE_TTL_MS - 1);
    expect(verifyBypassCookie(s, granted.cookieValue, clock.now())).toBe(true);
    clock.advance(1);
    expect(verifyBypassCookie(s, granted.cookieValue, clock.now())).toBe(false);
    clock.advance(1);
    expect(verifyBypassCookie(s, granted.cookieValue, clock.now())).toBe(false);
  });

  it("refuses a key when none was ever set, and counts the try", async () => {
    for (const candidate of ["", "anything", "0".repeat(64)]) {
      const error = await refusal(candidate, IP);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).message).toBe("That bypass key is not valid.");
    }
    expect(verifyBypassCookie(null, "1795000000000." + "a".repeat(43), clock.now())).toBe(false);
    const [row] = await t.db.selectFrom("rate_limits").selectAll().execute();
    expect(row?.hits).toBe(3);
  });

  it("refuses wrong keys, then rate-limits the IP (right key included) until the window ends", async () => {
    const { key } = await rotateBypassKey(actingAs(ctx, "staff-1"));
    const wrong = [key.slice(0, -1), key + "x", key.toUpperCase(), "", " " + key, "x".repeat(5000)];
    for (let i = 0; i < 10; i++) {
      expect(await refusal(wrong[i % wrong.length]!, IP)).toBeInstanceOf(ForbiddenError);
    }
    const limited = await refusal(key, IP);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(15 * 60);
    expect(await refusal("wrong again", IP)).toBeInstanceOf(RateLimitedError);

    // Per IP: another address is unaffected.
    await expect(checkBypassKey(fromIp("198.51.100.1"), { key })).resolves.toMatchObject({
      ok: true,
    });

    clock.advance(15 * MINUTE);
    await expect(checkBypassKey(fromIp("203.0.113.7"), { key })).resolves.toMatchObject({
      ok: true,
    });
  });

  it("does not count right keys against the limit", async () => {
    const { key } = await rotateBypassKey(actingAs(ctx, "staff-1"));
    for (let i = 0; i < 15; i++) {
      await expect(checkBypassKey(fromIp("203.0.113.7"), { key })).resolves.toMatchObject({
        ok: true,
      });
    }
    expect(await t.db.selectFrom("rate_limits").selectAll().execute()).toEqual([]);
  });

  it("puts callers without a known IP in one shared bucket", async () => {
    const { key } = await rotateBypassKey(actingAs(ctx, "staff-1"));
    for (let i = 0; i < 10; i++)
      expect(await refusal("nope", undefined)).toBeInstanceOf(ForbiddenError);
    expect(await refusal(key, undefined)).toBeInstanceOf(RateLimitedError);
    expect(await refusal(key, "  ")).toBeInstanceOf(RateLimitedError);
    await expect(checkBypassKey(fromIp(IP), { key })).resolves.toMatchObject({ ok: true });
  });

  it("invalidates old cookies and the old key on rotation; the new key works", async () => {
    const reader = createSiteSettingsReader({ db: t.db, clock });
    const first = await rotateBypassKey(actingAs({ ...ctx, site: reader }, "staff-1"));
    const oldCookie = (await checkBypassKey(fromIp("203.0.113.7"), { key: first.key })).cookieValue;
    expect(verifyBypassCookie(await reader.bypassSecret(), oldCookie, clock.now())).toBe(true);

    clock.advance(MINUTE);
    const second = await rotateBypassKey(actingAs({ ...ctx, site: reader }, "staff-2"));
    const current = await reader.bypassSecret();
    expect(current?.rotatedBy).toBe("staff-2");
    expect(verifyBypassCookie(current, oldCookie, clock.now())).toBe(false);
    expect(await refusal(first.key, IP)).toBeInstanceOf(ForbiddenError);

    const newCookie = (await checkBypassKey(fromIp("203.0.113.7"), { key: second.key }))
      .cookieValue;
    expect(verifyBypassCookie(current, newCookie, clock.now())).toBe(true);
    expect(newCookie).not.toBe(oldCookie);
  });

  it("treats forged and garbled cookies as no cookie, without throwing", async () => {
    const { key } = await rotateBypassKey(actingAs(ctx, "staff-1"));
    const s = await secret();
    const good = (await checkBypassKey(fromIp("203.0.113.7"), { key })).cookieValue;
    const [expiry, mac] = good.split(".") as [string, string];
    const flip = (c: string) => (c === "A" ? "B" : "A");
    const now = clock.now();

    const forged: [string, string | undefined][] = [
      ["undefined", undefined],
      ["empty", ""],
      ["garbage", "not-a-cookie"],
      ["only a dot", "."],
      ["no mac", `${expiry}.`],
      ["no expiry", `.${mac}`],
      ["wrong mac", `${expiry}.${"A".repeat(43)}`],
      ["first mac character changed", `${expiry}.${flip(mac[0]!)}${mac.slice(1)}`],
      [
        "last mac character re-spelled",
        `${expiry}.${mac.slice(0, 42)}${mac[42] === "A" ? "B" : "A"}`,
      ],
      ["mac padded", `${good}=`],
      ["mac truncated", good.slice(0, -1)],
      ["expiry pushed forward", `${Number(expiry) + 1}.${mac}`],
      ["expiry pushed a year", `${Number(expiry) + 365 * DAY}.${mac}`],
      ["expiry with a leading zero", `0${expiry}.${mac}`],
      ["negative expiry", `-${expiry}.${mac}`],
      ["fractional expiry", `${expiry}.5.${mac}`],
      ["extra part", `${good}.x`],
      ["whitespace", ` ${good}`],
      ["very long", `${"9".repeat(10_000)}.${mac}`],
      ["very long mac", `${expiry}.${mac.repeat(1000)}`],
      ["huge expiry", `99999999999999999.${mac}`],
    ];
    for (const [label, value] of forged) {
      expect([label, verifyBypassCookie(s, value, now)]).toEqual([label, false]);
    }
    // A cookie signed for another key (or another version of this one) does not verify.
    expect(verifyBypassCookie({ ...s, version: "other" }, good, now)).toBe(false);
    expect(verifyBypassCookie({ ...s, hash: "0".repeat(64) }, good, now)).toBe(false);
    expect(verifyBypassCookie(null, good, now)).toBe(false);
    // ...and the genuine one still does.
    expect(verifyBypassCookie(s, good, now)).toBe(true);
  });

  it("treats a corrupt stored secret as no key at all", async () => {
    const { key } = await rotateBypassKey(actingAs(ctx, "staff-1"));
    await t.db
      .updateTable("site_settings")
      .set({ value: '{"hash":"short"}' })
      .where("key", "=", "maintenance_bypass")
      .execute();
    expect(await findBypassSecret(t.db)).toBeNull();
    expect(await createSiteSettingsReader({ db: t.db, clock }).bypassSecret()).toBeNull();
    expect(await refusal(key, IP)).toBeInstanceOf(ForbiddenError);
  });
});

import { ManualClock, userActor } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShortLink } from "./create-short-link";
import { createLinkResolver } from "./link-resolver";
import { setShortLinkEnabled } from "./set-short-link-enabled";
import { shortUrlCtx, TEST_STORE_URL } from "./testing";
import { updateShortLink } from "./update-short-link";

describe.each(testDialects())("the redirect's link lookup on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let ctx: ReturnType<typeof shortUrlCtx>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-12-01T10:00:00.000Z");
    ctx = shortUrlCtx(t.db, userActor((await createTestUser(t.db)).user), clock);
  });
  afterEach(() => t.close());

  const resolver = (options: { ttlMs?: number; maxEntries?: number } = {}) =>
    createLinkResolver({ db: t.db, clock, publicUrl: TEST_STORE_URL, ...options });

  it("sends visitors on, in any case of the slug, with one query per TTL", async () => {
    const link = await createShortLink(ctx, { slug: "promo", targetUrl: "https://example.com/x" });
    const links = resolver();
    for (const slug of ["promo", "PROMO", "Promo"]) {
      expect(await links.resolve(slug)).toEqual({
        kind: "redirect",
        linkId: link.id,
        destination: "https://example.com/x",
        onStore: false,
      });
    }
    expect(links.stats().queries).toBe(1);
    clock.advance(3000);
    await links.resolve("promo");
    expect(links.stats().queries).toBe(2);
  });

  it("marks store destinations, which may carry attribution", async () => {
    await createShortLink(ctx, { slug: "to-store", targetUrl: `${TEST_STORE_URL}/products/x` });
    expect(await resolver().resolve("to-store")).toMatchObject({ kind: "redirect", onStore: true });
  });

  it("sees an edit at once in its own process after invalidate, else within the TTL", async () => {
    const link = await createShortLink(ctx, { slug: "promo", targetUrl: "https://a.example/" });
    const links = resolver();
    await links.resolve("promo");
    await updateShortLink(ctx, { linkId: link.id, targetUrl: "https://b.example/" });
    expect(await links.resolve("promo")).toMatchObject({ destination: "https://a.example/" });
    links.invalidate("PROMO");
    expect(await links.resolve("promo")).toMatchObject({ destination: "https://b.example/" });
    await setShortLinkEnabled(ctx, { linkId: link.id, enabled: false });
    clock.advance(3000);
    expect(await links.resolve("promo")).toEqual({ kind: "disabled" });
  });

  it("judges expiry at every call, even from the cache", async () => {
    await createShortLink(ctx, {
      slug: "soon",
      targetUrl: "https://a.example/",
      expiresAt: "2026-12-01T10:00:01.000Z",
    });
    const links = resolver({ ttlMs: 60_000 });
    expect((await links.resolve("soon")).kind).toBe("redirect");
    clock.advance(1000);
    expect(await links.resolve("soon")).toEqual({ kind: "expired" });
    expect(links.stats().queries).toBe(1);
  });

  it("remembers unknown slugs too, refuses odd shapes without a query, and stays bounded", async () => {
    const links = resolver({ maxEntries: 3 });
    expect(await links.resolve("nothing")).toEqual({ kind: "unknown" });
    expect(await links.resolve("nothing")).toEqual({ kind: "unknown" });
    expect(links.stats().queries).toBe(1);
    for (const odd of ["", "a/b", "../x", "%2e", "x".repeat(65), "a b"]) {
      expect(await links.resolve(odd)).toEqual({ kind: "unknown" });
    }
    expect(links.stats().queries).toBe(1);
    for (const slug of ["a1", "a2", "a3", "a4", "a5"]) await links.resolve(slug);
    expect(links.stats().size).toBe(3);
  });

  it("shares one query between concurrent misses", async () => {
    await createShortLink(ctx, { slug: "busy", targetUrl: "https://a.example/" });
    const links = resolver();
    const answers = await Promise.all(Array.from({ length: 20 }, () => links.resolve("busy")));
    expect(new Set(answers.map((a) => a.kind))).toEqual(new Set(["redirect"]));
    expect(links.stats().queries).toBe(1);
  });
});

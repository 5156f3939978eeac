import { DAY, SYSTEM } from "@digistore/core";
import { testDialects } from "@digistore/db/testing";
import { createPublishedProduct, createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { setMaintenance } from "@digistore/domain-site";
import { createSignedInUser } from "@digistore/domain-users/testing";
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createContext } from "../context";
import { createCaller } from "../root";
import { createTestApi, type TestApi } from "../testing";

describe.each(testDialects())("the links API on %s", (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi(dialect);
  });
  afterEach(() => api.close());

  const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

  it("lets verified people make links and only their owner change them", async () => {
    const owner = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const other = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const unverified = await createSignedInUser(api.testDb.db, {
      verified: false,
      clock: api.clock,
    });
    const link = await api
      .caller(owner.token)
      .links.create({ slug: "promo", targetUrl: "https://a.example" });
    expect(link.shortUrl).toBe("http://store.test/s/promo");

    expect(
      codeOf(
        await api
          .caller()
          .links.create({ targetUrl: "https://a.example" })
          .catch((e: unknown) => e),
      ),
    ).toBe("UNAUTHORIZED");
    expect(
      codeOf(
        await api
          .caller(unverified.token)
          .links.create({ targetUrl: "https://a.example" })
          .catch((e: unknown) => e),
      ),
    ).toBe("FORBIDDEN");
    expect(
      codeOf(
        await api
          .caller(owner.token)
          .links.create({ targetUrl: "javascript:alert(1)" })
          .catch((e: unknown) => e),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      codeOf(
        await api
          .caller(other.token)
          .links.update({ linkId: link.id, targetUrl: "https://evil.example" })
          .catch((e: unknown) => e),
      ),
    ).toBe("NOT_FOUND");
    expect((await api.caller(owner.token).links.mine({})).items.map((l) => l.slug)).toEqual([
      "promo",
    ]);
    expect((await api.caller(other.token).links.mine({})).items).toEqual([]);
  });

  it("makes the redirect of this process follow an edit at once", async () => {
    const owner = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const caller = api.caller(owner.token);
    const link = await caller.links.create({ slug: "moving", targetUrl: "https://a.example/" });
    expect(await api.services.links.resolve("moving")).toMatchObject({
      destination: "https://a.example/",
    });
    await caller.links.update({ linkId: link.id, targetUrl: "https://b.example/" });
    expect(await api.services.links.resolve("moving")).toMatchObject({
      destination: "https://b.example/",
    });
    await caller.links.setEnabled({ linkId: link.id, enabled: false });
    expect(await api.services.links.resolve("moving")).toEqual({ kind: "disabled" });
    await caller.links.delete({ linkId: link.id });
    expect(await api.services.links.resolve("moving")).toEqual({ kind: "unknown" });
  });

  it("lets staff, and only staff, disable anyone's link", async () => {
    const owner = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    const link = await api.caller(owner.token).links.create({ targetUrl: "https://a.example" });
    expect(
      codeOf(
        await api
          .caller(owner.token)
          .staff.links.disable({ linkId: link.id, reason: "no" })
          .catch((e: unknown) => e),
      ),
    ).toBe("FORBIDDEN");
    await api
      .caller(staff.token)
      .staff.links.disable({ linkId: link.id, reason: "Reported as spam" });
    expect(await api.caller(owner.token).links.get({ linkId: link.id })).toMatchObject({
      state: "disabled",
      disabledReason: "Reported as spam",
    });
  });

  it("shows a link's analytics to its owner and staff, NOT_FOUND to anyone else", async () => {
    const owner = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const other = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    const link = await api.caller(owner.token).links.create({ targetUrl: "https://a.example" });
    api.services.clicks.record({
      linkId: link.id,
      at: api.clock.now(),
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0",
      ip: "203.0.113.9",
    });
    await api.services.clicks.flush();
    const input = { linkId: link.id, from: "2026-11-21", to: "2026-11-21" };
    const mine = await api.caller(owner.token).links.analytics(input);
    expect(mine).toMatchObject({
      totals: { clicks: 1, uniqueVisitors: 1, botClicks: 0 },
      timezone: "UTC",
      conversion: 0,
    });
    expect(await api.caller(staff.token).links.analytics(input)).toEqual(mine);
    const codeFor = (token: string | undefined, over: Record<string, unknown> = {}) =>
      api
        .caller(token)
        .links.analytics({ ...input, ...over })
        .then(() => "ok")
        .catch(codeOf);
    expect(await codeFor(undefined)).toBe("UNAUTHORIZED");
    expect(await codeFor(other.token)).toBe("NOT_FOUND");
    expect(await codeFor(owner.token, { timezone: "Nowhere/Else" })).toBe("BAD_REQUEST");
    const error = (await api
      .caller(owner.token)
      .links.analytics({ ...input, from: "2026-11-22" })
      .catch((e: unknown) => e)) as TRPCError;
    expect([error.code, error.message]).toEqual([
      "BAD_REQUEST",
      expect.stringContaining("The start date must be on or before the end date."),
    ]);

    await setMaintenance(
      { db: api.testDb.db, clock: api.clock, site: api.services.site, actor: SYSTEM },
      { enabled: true },
    );
    expect(await codeFor(owner.token)).toBe("SERVICE_UNAVAILABLE");
    expect(await codeFor(staff.token)).toBe("ok");
  });

  it("lets staff, and only staff, find a link by its slug", async () => {
    const owner = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    const link = await api
      .caller(owner.token)
      .links.create({ slug: "reported", targetUrl: "https://a.example" });
    const find = (token: string | undefined, slug: string) =>
      api
        .caller(token)
        .staff.links.find({ slug })
        .catch((e: unknown) => e);
    expect(await find(staff.token, "REPORTED")).toMatchObject({ id: link.id, slug: "reported" });
    expect(codeOf(await find(owner.token, "reported"))).toBe("FORBIDDEN");
    expect(codeOf(await find(undefined, "reported"))).toBe("UNAUTHORIZED");
    expect(codeOf(await find(staff.token, "missing"))).toBe("NOT_FOUND");
    expect(codeOf(await find(staff.token, ""))).toBe("BAD_REQUEST");
  });

  describe("attribution", () => {
    async function setUp() {
      const catalog = {
        ...createTestCatalogDeps(api.testDb, { clock: api.clock }),
        storage: api.services.storage,
      };
      const seller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
      const buyer = await createSignedInUser(api.testDb.db, { clock: api.clock });
      const product = await createPublishedProduct(catalog, seller.user.id, { price: 1200 });
      const link = await api.caller(seller.token).links.create({ productId: product.id });
      const checkoutWith = (cookie: string | undefined) =>
        createCaller(() =>
          createContext(api.services, {
            requestId: "test",
            ip: "127.0.0.1",
            sessionToken: buyer.token,
            attributionCookie: cookie,
          }),
        ).checkout.start({ productSlug: product.slug, billingCountry: "DE" });
      const attributions = () =>
        api.testDb.db.selectFrom("order_attributions").selectAll().execute();
      return { link, checkoutWith, attributions };
    }

    it("remembers the link beside an order started inside the window", async () => {
      const { link, checkoutWith, attributions } = await setUp();
      const clickedAt = api.clock.now().getTime() - 29 * DAY;
      const placed = await checkoutWith(`${link.id}.${clickedAt}`);
      expect(await attributions()).toEqual([
        { order_id: placed.orderId, link_id: link.id, created_at: api.clock.now().toISOString() },
      ]);
    });

    it("ignores cookies that are stale, forged, from the future or for no link", async () => {
      const { link, checkoutWith, attributions } = await setUp();
      const now = api.clock.now().getTime();
      for (const cookie of [
        undefined,
        `${link.id}.${now - 31 * DAY}`,
        `${link.id}.${now + DAY}`,
        `0192e4c1-0000-7000-8000-000000000000.${now}`,
        "garbage",
        `${link.id}`,
        `${link.id}.${now}; other=1`,
      ]) {
        await checkoutWith(cookie);
      }
      expect(await attributions()).toEqual([]);
      // Nothing about the orders themselves changed: they are pending as always.
      const orders = await api.testDb.db.selectFrom("orders").select("status").execute();
      expect(orders.map((o) => o.status)).toEqual(Array(7).fill("pending"));
    });
  });
});

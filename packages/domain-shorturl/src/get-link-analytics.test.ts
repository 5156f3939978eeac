import {
  ANONYMOUS,
  ManualClock,
  NotFoundError,
  UnauthorizedError,
  userActor,
  ValidationError,
} from "@digistore/core";
import type { OrderStatus } from "@digistore/db";
import {
  createTestDb,
  insertSellerProduct,
  testDialects,
  type TestDb,
} from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RawClick } from "./click-facts";
import { createShortLink } from "./create-short-link";
import { getLinkAnalytics } from "./get-link-analytics";
import { storeClickBatch } from "./store-click-batch";
import { shortUrlCtx } from "./testing";

const CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

describe.each(testDialects())("link analytics on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let owner: ReturnType<typeof userActor>;
  let linkId: string;
  let otherLinkId: string;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-12-10T12:00:00.000Z");
    owner = userActor((await createTestUser(t.db)).user);
    linkId = (await createShortLink(ctx(owner), { targetUrl: "https://a.example" })).id;
    otherLinkId = (await createShortLink(ctx(owner), { targetUrl: "https://b.example" })).id;
  });
  afterEach(() => t.close());

  const ctx = (actor: Parameters<typeof shortUrlCtx>[1]) => shortUrlCtx(t.db, actor, clock);
  const analytics = (input: Record<string, unknown>) =>
    getLinkAnalytics(ctx(owner), { linkId, ...input });
  const click = (at: string, over: Partial<RawClick> = {}): RawClick => ({
    linkId,
    at: new Date(at),
    userAgent: CHROME,
    ip: "203.0.113.1",
    ...over,
  });

  /**
   * Clicks around New York's and Kolkata's midnights. Then the raw clicks are deleted: what
   * analytics answer can only come from the rollups.
   */
  async function recordFixture() {
    await storeClickBatch(t.db, [
      click("2026-11-20T10:00:00.000Z"), // before both periods
      click("2026-12-01T10:00:00.000Z", { ip: "203.0.113.2" }), // previous period
      // New York: 4 December, 22:30 and 23:10 — the same person, once unique that UTC day.
      click("2026-12-05T03:30:00.000Z", { referrer: "https://news.example/a", country: "DE" }),
      click("2026-12-05T04:10:00.000Z", { referrer: "https://news.example/b" }),
      // New York: 5 December, midnight.
      click("2026-12-05T05:00:00.000Z", { ip: "203.0.113.2", userAgent: IPHONE }),
      click("2026-12-05T15:00:00.000Z", { userAgent: BOT, referrer: "https://spam.example/" }),
      // Kolkata: 6 December 23:50 (a new UTC day: the first person is unique again), and
      // 7 December 00:10 — in the 18:00Z bucket, which starts on the 6th there.
      click("2026-12-06T18:20:00.000Z", { referrer: "https://social.example/" }),
      click("2026-12-06T18:40:00.000Z", { ip: "203.0.113.3" }),
      click("2026-12-05T12:00:00.000Z", { linkId: otherLinkId }),
    ]);
    await t.db.deleteFrom("link_clicks").execute();
  }

  it("sums hour rollups into the days of a time zone, every day listed, bots apart", async () => {
    await recordFixture();
    const newYork = await analytics({
      from: "2026-12-04",
      to: "2026-12-06",
      timezone: "America/New_York",
    });
    expect(newYork.daily).toEqual([
      { date: "2026-12-04", clicks: 2, uniqueVisitors: 1, botClicks: 0 },
      { date: "2026-12-05", clicks: 1, uniqueVisitors: 1, botClicks: 1 },
      { date: "2026-12-06", clicks: 2, uniqueVisitors: 2, botClicks: 0 },
    ]);
    expect(newYork.totals).toEqual({ clicks: 5, uniqueVisitors: 4, botClicks: 1 });
    expect(newYork.previous).toEqual({
      from: "2026-12-01",
      to: "2026-12-03",
      totals: { clicks: 1, uniqueVisitors: 1, botClicks: 0 },
    });

    const utc = await analytics({ from: "2026-12-04", to: "2026-12-06" });
    expect(utc.timezone).toBe("UTC");
    expect(utc.daily.map((d) => [d.date, d.clicks, d.uniqueVisitors, d.botClicks])).toEqual([
      ["2026-12-04", 0, 0, 0],
      ["2026-12-05", 3, 2, 1],
      ["2026-12-06", 2, 2, 0],
    ]);

    const kolkata = await analytics({
      from: "2026-12-05",
      to: "2026-12-07",
      timezone: "Asia/Kolkata",
    });
    expect(kolkata.daily.map((d) => [d.date, d.clicks, d.uniqueVisitors])).toEqual([
      ["2026-12-05", 3, 2],
      ["2026-12-06", 2, 2],
      ["2026-12-07", 0, 0],
    ]);
    expect(kolkata.previous).toMatchObject({ from: "2026-12-02", to: "2026-12-04" });
    expect(kolkata.previous.totals.clicks).toBe(0);
  });

  it("lists the top values of each facet for people only", async () => {
    await recordFixture();
    const { top } = await analytics({
      from: "2026-12-04",
      to: "2026-12-06",
      timezone: "America/New_York",
    });
    expect(top.referrer).toEqual([
      { value: "(direct)", clicks: 2 },
      { value: "news.example", clicks: 2 },
      { value: "social.example", clicks: 1 },
    ]);
    expect(top.device).toEqual([
      { value: "desktop", clicks: 4 },
      { value: "mobile", clicks: 1 },
    ]);
    expect(top.browser).toEqual([
      { value: "Chrome", clicks: 4 },
      { value: "Mobile Safari", clicks: 1 },
    ]);
    expect(top.os.map((o) => o.value)).toEqual(["Mac OS", "iOS"]);
    expect(top.country).toEqual([
      { value: "(unknown)", clicks: 4 },
      { value: "DE", clicks: 1 },
    ]);
  });

  it("counts top lists of ranges over a month from whole months, the same totals", async () => {
    await recordFixture();
    // Two batches for the same month add up, as the day rows do.
    await storeClickBatch(t.db, [
      click("2026-12-08T10:00:00.000Z", { referrer: "https://news.example/" }),
    ]);
    await t.db.deleteFrom("link_clicks").execute();
    const months = await t.db
      .selectFrom("link_click_facet_months")
      .selectAll()
      .where("link_id", "=", linkId)
      .where("facet", "=", "referrer")
      .orderBy("month")
      .orderBy("value")
      .execute();
    expect(months.map((m) => [m.month, m.value, Number(m.clicks)])).toEqual([
      ["2026-11", "(direct)", 1],
      ["2026-12", "(direct)", 3],
      ["2026-12", "news.example", 3],
      ["2026-12", "social.example", 1],
    ]);
    // 60 days ending 10 December touch October to December: the November click counts too.
    const long = await analytics({ days: 60 });
    expect(long.top.referrer).toEqual([
      { value: "(direct)", clicks: 4 },
      { value: "news.example", clicks: 3 },
      { value: "social.example", clicks: 1 },
    ]);
    // A month or less reads days: 20 November is outside the last 10 days.
    const short = await analytics({ days: 10 });
    expect(short.top.referrer).toEqual([
      { value: "(direct)", clicks: 3 },
      { value: "news.example", clicks: 3 },
      { value: "social.example", clicks: 1 },
    ]);
    expect(long.totals.clicks - short.totals.clicks).toBe(1);
  });

  it("keeps ten values per facet, the most clicked first", async () => {
    await storeClickBatch(
      t.db,
      Array.from({ length: 12 }, (_, i) =>
        Array.from({ length: i + 1 }, () =>
          click("2026-12-09T10:00:00.000Z", { referrer: `https://r${i}.example/` }),
        ),
      ).flat(),
    );
    const { top, totals } = await analytics({});
    expect(totals.clicks).toBe(78);
    expect(top.referrer.map((r) => r.value)).toEqual(
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => `r${i}.example`),
    );
  });

  it("defaults to the 30 days ending today in the zone, and says so", async () => {
    const utc = await analytics({});
    expect([utc.from, utc.to, utc.daily.length]).toEqual(["2026-11-11", "2026-12-10", 30]);
    expect(utc.previous).toMatchObject({ from: "2026-10-12", to: "2026-11-10" });
    // 12:00 UTC is already the next day on Kiritimati (UTC+14).
    const kiritimati = await analytics({ timezone: "Pacific/Kiritimati", from: "", to: "" });
    expect([kiritimati.from, kiritimati.to]).toEqual(["2026-11-12", "2026-12-11"]);
    expect((await analytics({ to: "2026-06-30" })).from).toBe("2026-06-01");
    const week = await analytics({ days: 7 });
    expect([week.from, week.to, week.daily.length, week.previous.from]).toEqual([
      "2026-12-04",
      "2026-12-10",
      7,
      "2026-11-27",
    ]);
    expect((await analytics({ days: "365" })).daily).toHaveLength(365);
    expect(utc.totals).toEqual({ clicks: 0, uniqueVisitors: 0, botClicks: 0 });
    expect(utc.conversion).toBeNull();
    expect(utc.sales).toEqual({ count: 0, byCurrency: [] });
  });

  describe("attributed sales", () => {
    let buyerId: string;
    let productId: string;
    let sellerId: string;

    beforeEach(async () => {
      buyerId = (await createTestUser(t.db)).user.id;
      ({ id: productId, sellerId } = await insertSellerProduct(t.db));
    });

    async function order(
      paidAt: string | null,
      amount: number,
      over: { currency?: string; status?: OrderStatus; refunded?: number; link?: string } = {},
    ) {
      const id = `order-${Math.random().toString(36).slice(2)}`;
      await t.db
        .insertInto("orders")
        .values({
          id,
          user_id: buyerId,
          seller_id: sellerId,
          product_id: productId,
          kind: "product",
          amount,
          currency: over.currency ?? "USD",
          status: over.status ?? (paidAt ? "paid" : "pending"),
          refunded_amount: over.refunded ?? 0,
          provider: "dodo",
          provider_checkout_id: null,
          provider_payment_id: null,
          billing_country: "DE",
          billing_address: null,
          created_at: paidAt ?? "2026-12-05T00:00:00.000Z",
          updated_at: paidAt ?? "2026-12-05T00:00:00.000Z",
          paid_at: paidAt,
          expires_at: "2999-01-01T00:00:00.000Z",
        })
        .execute();
      await t.db
        .insertInto("order_attributions")
        .values({
          order_id: id,
          link_id: over.link ?? linkId,
          created_at: "2026-12-01T00:00:00.000Z",
        })
        .execute();
      return id;
    }

    const inNewYork = () =>
      analytics({ from: "2026-12-04", to: "2026-12-06", timezone: "America/New_York" });
    const refund = (id: string, refunded: number, status: OrderStatus) =>
      t.db
        .updateTable("orders")
        .set({ refunded_amount: refunded, status })
        .where("id", "=", id)
        .execute();

    it("counts paid sales inside the range, net of refunds, per currency", async () => {
      await recordFixture();
      const first = await order("2026-12-05T12:00:00.000Z", 1000);
      await order("2026-12-06T20:00:00.000Z", 2000, {
        status: "partially_refunded",
        refunded: 500,
      });
      await order("2026-12-06T21:00:00.000Z", 3000, { status: "refunded", refunded: 3000 });
      await order("2026-12-04T06:00:00.000Z", 900, { currency: "EUR" });
      await order("2026-12-07T06:00:00.000Z", 5000); // 7 December, 01:00 in New York
      await order("2026-12-04T02:00:00.000Z", 400); // 3 December, 21:00 in New York
      await order(null, 800); // never paid
      await order("2026-12-05T12:00:00.000Z", 700, { link: otherLinkId });

      const newYork = await inNewYork();
      expect(newYork.sales).toEqual({
        count: 3,
        byCurrency: [
          { currency: "EUR", sales: 1, netRevenue: { amount: 900, currency: "EUR" } },
          { currency: "USD", sales: 2, netRevenue: { amount: 2500, currency: "USD" } },
        ],
      });
      expect(newYork.conversion).toBe(3 / 4);
      // In UTC the range is 4–6 December UTC: the order at 02:00Z on the 4th is inside.
      const utc = await analytics({ from: "2026-12-04", to: "2026-12-06" });
      expect(utc.sales.byCurrency.find((c) => c.currency === "USD")).toEqual({
        currency: "USD",
        sales: 3,
        netRevenue: { amount: 2900, currency: "USD" },
      });

      await refund(first, 250, "partially_refunded");
      expect((await inNewYork()).sales.byCurrency[1]).toEqual({
        currency: "USD",
        sales: 2,
        netRevenue: { amount: 2250, currency: "USD" },
      });
      await refund(first, 1000, "refunded");
      const afterRefund = await inNewYork();
      expect(afterRefund.sales.count).toBe(2);
      expect(afterRefund.sales.byCurrency[1]).toEqual({
        currency: "USD",
        sales: 1,
        netRevenue: { amount: 1500, currency: "USD" },
      });
      expect(afterRefund.conversion).toBe(2 / 4);
    });

    it("leaves conversion empty when sales came without visitors", async () => {
      await order("2026-12-05T12:00:00.000Z", 1000);
      const { sales, conversion } = await inNewYork();
      expect([sales.count, conversion]).toEqual([1, null]);
    });
  });

  it("shows a link to its owner and staff only", async () => {
    const other = userActor((await createTestUser(t.db)).user);
    const staff = userActor((await createTestUser(t.db, { staff: true })).user);
    await expect(getLinkAnalytics(ctx(other), { linkId })).rejects.toThrow(NotFoundError);
    await expect(getLinkAnalytics(ctx(ANONYMOUS), { linkId })).rejects.toThrow(UnauthorizedError);
    await expect(getLinkAnalytics(ctx(other), { linkId: "no-such-link" })).rejects.toThrow(
      NotFoundError,
    );
    expect((await getLinkAnalytics(ctx(staff), { linkId })).linkId).toBe(linkId);
  });

  it("refuses bad ranges, dates and zones with a readable message", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ from: "2025-01-01", to: "2026-01-02" }, "to", "Choose at most 366 days."],
      [{ from: "2020-01-01" }, "to", "Choose at most 366 days."],
      [
        { from: "2026-12-06", to: "2026-12-05" },
        "from",
        "The start date must be on or before the end date.",
      ],
      [{ from: "2026-12-11" }, "from", "The start date must be on or before the end date."],
      [{ timezone: "Mars/Olympus_Mons" }, "timezone", "Unknown time zone"],
      [{ timezone: "x".repeat(200) }, "timezone", "Unknown time zone"],
      [{ from: "2026-02-30" }, "from", "Use a real date written YYYY-MM-DD"],
      [{ to: "12/01/2026" }, "to", "Use a real date written YYYY-MM-DD"],
      [{ from: 20261201 }, "from", ""],
      [{ days: 0 }, "days", "Choose at least one day."],
      [{ days: 367 }, "days", "Choose at most 366 days."],
      [{ days: 2.5 }, "days", "Choose a whole number of days."],
      [{ days: "many" }, "days", ""],
    ];
    for (const [input, field, message] of cases) {
      const error = (await analytics(input).catch((e: unknown) => e)) as ValidationError;
      expect([input, error instanceof ValidationError]).toEqual([input, true]);
      expect(error.message).toContain(message);
      expect(error.fieldErrors[field]?.[0]).toContain(message);
    }
    // A leap year is 366 days and fine.
    expect((await analytics({ from: "2028-01-01", to: "2028-12-31" })).daily).toHaveLength(366);
  });
});

import { SYSTEM, userActor } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getSellerDashboard } from "./get-seller-dashboard";
import { checkSalesRollups } from "./rebuild-sales-rollups";
import { setReportingTimezone } from "./set-reporting-timezone";
import { sendSaleDigests } from "./send-sale-digests";
import { setSaleEmails } from "./set-sale-emails";
import { createTestSalesEnv, type TestSalesEnv } from "./testing";

describe.each(testDialects())("the seller's numbers on %s", (dialect) => {
  let t: TestDb;
  let env: TestSalesEnv;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = await createTestSalesEnv(t);
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const dashboard = (input: object = {}) =>
    getSellerDashboard(env.as(env.seller), { days: 7, ...input });
  const consistent = async () =>
    expect(await checkSalesRollups(t.db, t.dialect, { rebuild: false })).toEqual({
      hourRowsDiffering: 0,
      dayRowsDiffering: 0,
      rebuilt: false,
    });

  it("counts net revenue per currency, net of full and partial refunds and lost disputes, support apart", async () => {
    const [a, b, c, d] = [
      await env.newBuyer(),
      await env.newBuyer(),
      await env.newBuyer(),
      await env.newBuyer(),
    ];
    await env.sale(a, env.usd); // kept: 2000
    const partly = await env.sale(b, env.usd); // 2000 less 500
    await env.feed(
      partly.id,
      { kind: "refund", refundId: "r1", status: "succeeded", amount: 500, isPartial: true },
      5,
    );
    const full = await env.sale(c, env.usd); // refunded
    await env.feed(
      full.id,
      { kind: "refund", refundId: "r2", status: "succeeded", amount: 2000, isPartial: false },
      5,
    );
    const lost = await env.sale(d, env.eur); // dispute lost
    await env.feed(lost.id, { kind: "dispute", disputeId: "d1", status: "opened" }, 5);
    await env.feed(lost.id, { kind: "dispute", disputeId: "d1", status: "lost" }, 6);
    const won = await env.sale(a, env.eur); // dispute won: kept
    await env.feed(won.id, { kind: "dispute", disputeId: "d2", status: "opened" }, 5);
    await env.feed(won.id, { kind: "dispute", disputeId: "d2", status: "won" }, 6);
    await env.sale(a, env.usd, { kind: "support", amount: 4900 }); // support
    // A refund that failed and a duplicate success change nothing.
    await env.feed(partly.id, { kind: "refund", refundId: "r3", status: "failed", amount: 700 }, 7);
    await env.feed(
      partly.id,
      { kind: "payment", status: "succeeded", amount: 2000, currency: "USD" },
      8,
    );

    const view = await dashboard();
    const usd = view.currencies.find((c) => c.currency === "USD")!;
    const eur = view.currencies.find((c) => c.currency === "EUR")!;
    expect(usd.products.current).toMatchObject({
      sales: 3,
      gross: 6000,
      refunds: 2500,
      refundedSales: 2,
      disputeLosses: 0,
      net: 3500,
    });
    expect(usd.support.current).toMatchObject({ sales: 1, gross: 4900, net: 4900 });
    expect(eur.products.current).toMatchObject({
      sales: 2,
      gross: 6000,
      disputeLosses: 3000,
      net: 3000,
    });
    expect(eur.support.current.sales).toBe(0);
    // Counts add up across currencies: four distinct buyers, five product sales.
    expect(view.counts.current).toEqual({ sales: 5, newCustomers: 4, refundedSales: 2 });
    expect(view.daily.dates).toHaveLength(7);
    expect(view.daily.dates.at(-1)).toBe("2026-12-10");
    expect(view.daily.sales.at(-1)).toBe(5);
    expect(view.daily.net.find((n) => n.currency === "USD")).toMatchObject({
      products: [0, 0, 0, 0, 0, 0, 3500],
      support: [0, 0, 0, 0, 0, 0, 4900],
    });
    expect(view.topProducts.map((p) => [p.title, p.sales])).toEqual([
      ["Icon Pack", 3],
      ["Font Kit", 2],
    ]);
    expect(view.recentOrders).toHaveLength(6);
    await consistent();
  });

  it("sets last period beside this one, and narrows to one product", async () => {
    const buyer = await env.newBuyer();
    await env.sale(buyer, env.usd, { at: "2026-12-01T09:00:00.000Z" }); // previous 7 days
    await env.sale(await env.newBuyer(), env.usd, { at: "2026-12-09T09:00:00.000Z" });
    await env.sale(buyer, env.eur, { at: "2026-12-09T10:00:00.000Z" });
    const view = await dashboard();
    expect(view.previous).toEqual({ from: "2026-11-27", to: "2026-12-03" });
    const usd = view.currencies.find((c) => c.currency === "USD")!;
    expect(usd.products.current.net).toBe(2000);
    expect(usd.products.previous.net).toBe(2000);
    expect(view.counts.current).toMatchObject({ sales: 2, newCustomers: 1 });
    expect(view.counts.previous).toMatchObject({ sales: 1, newCustomers: 1 });

    const only = await dashboard({ productId: env.eur.id });
    expect(only.currencies.map((c) => c.currency)).toEqual(["EUR"]);
    expect(only.recentOrders.map((o) => o.productTitle)).toEqual(["Font Kit"]);
  });

  it("ranks top products from whole months and the days at the range's ends alike", async () => {
    const at = (day: string) => ({ at: `${day}T12:00:00.000Z` });
    for (const day of [
      "2026-10-14",
      "2026-10-15",
      "2026-10-31",
      "2026-11-01",
      "2026-11-30",
      "2026-12-01",
      "2026-12-10",
    ]) {
      await env.sale(await env.newBuyer(), env.usd, at(day));
    }
    for (const day of ["2026-11-15", "2026-12-05"])
      await env.sale(await env.newBuyer(), env.eur, at(day));
    const view = await dashboard({ from: "2026-10-15", to: "2026-12-10" });
    expect(view.topProducts.map((p) => [p.title, p.sales, p.net])).toEqual([
      ["Icon Pack", 6, [{ amount: 12000, currency: "USD" }]],
      ["Font Kit", 2, [{ amount: 6000, currency: "EUR" }]],
    ]);
    // A range inside one month, and one of exactly whole months.
    expect(
      (await dashboard({ from: "2026-11-02", to: "2026-11-29" })).topProducts.map((p) => p.sales),
    ).toEqual([1]);
    expect(
      (await dashboard({ from: "2026-11-01", to: "2026-11-30" })).topProducts.map((p) => p.sales),
    ).toEqual([2, 1]);
    await consistent();
  });

  it("counts days in the seller's zone, moving what is stored when the zone changes", async () => {
    // 23:30 UTC on the 8th is 00:30 on the 9th in Berlin.
    await env.sale(await env.newBuyer(), env.usd, { at: "2026-12-08T23:30:00.000Z" });
    const dayOf = (view: Awaited<ReturnType<typeof dashboard>>) =>
      view.daily.dates[view.daily.sales.findIndex((n) => n > 0)];
    expect(dayOf(await dashboard())).toBe("2026-12-08");
    await setReportingTimezone(env.as(env.seller), { timezone: "europe/berlin" });
    const berlin = await dashboard();
    expect(berlin.timezone).toBe("Europe/Berlin");
    expect(dayOf(berlin)).toBe("2026-12-09");
    // A sale after the change lands in Berlin days too.
    await env.sale(await env.newBuyer(), env.usd, { at: "2026-12-09T23:30:00.000Z" });
    expect((await dashboard()).daily.sales.slice(-2)).toEqual([1, 1]);
    await consistent();
    await expect(
      setReportingTimezone(env.as(env.seller), { timezone: "Mars/Olympus" }),
    ).rejects.toThrow(/Unknown time zone/);
  });

  it("moves the new customer to a buyer's earlier order when its payment lands later", async () => {
    const buyer = await env.newBuyer();
    await env.sale(buyer, env.usd, { at: "2026-12-09T10:00:00.000Z" });
    await env.sale(buyer, env.eur, { at: "2026-12-05T10:00:00.000Z" });
    const view = await dashboard();
    expect(view.counts.current.newCustomers).toBe(1);
    const eurDay = view.daily.dates.indexOf("2026-12-05");
    expect(view.daily.sales[eurDay]).toBe(1);
    await consistent();
  });

  it("finds and repairs rollups that drifted from the orders", async () => {
    await env.sale(await env.newBuyer(), env.usd);
    await env.sale(await env.newBuyer(), env.eur);
    await t.db.updateTable("sales_hours").set({ gross: 1 }).where("currency", "=", "USD").execute();
    await t.db.deleteFrom("sales_days").where("currency", "=", "EUR").execute();
    const found = await checkSalesRollups(t.db, t.dialect, { rebuild: true });
    expect(found.hourRowsDiffering).toBe(2); // the wrong row, and the right one it lacks
    expect(found.dayRowsDiffering).toBeGreaterThan(0);
    expect(found.rebuilt).toBe(true);
    await consistent();
    const usd = (await dashboard()).currencies.find((c) => c.currency === "USD")!;
    expect(usd.products.current.gross).toBe(2000);
  });

  it("equals a recomputation from orders after a random sequence of events", async () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const buyers = [await env.newBuyer(), await env.newBuyer(), await env.newBuyer()];
    const products = [env.usd, env.eur];
    const placed: { id: string; amount: number }[] = [];
    for (let step = 0; step < 40; step++) {
      const roll = random();
      if (roll < 0.35 || placed.length === 0) {
        const product = products[Math.floor(random() * 2)]!;
        const day = 1 + Math.floor(random() * 9);
        const order = await env.sale(buyers[Math.floor(random() * 3)]!, product, {
          at: `2026-12-0${day}T${String(Math.floor(random() * 24)).padStart(2, "0")}:15:00.000Z`,
          kind: random() < 0.2 ? "support" : "product",
        });
        placed.push({ id: order.id, amount: order.amount });
        continue;
      }
      const order = placed[Math.floor(random() * placed.length)]!;
      const minutes = Math.floor(random() * 60);
      if (roll < 0.6) {
        await env.feed(
          order.id,
          {
            kind: "refund",
            refundId: `r${step}`,
            status: random() < 0.8 ? "succeeded" : "failed",
            amount: Math.max(1, Math.floor(order.amount * random() * 0.6)),
            isPartial: null,
          },
          minutes,
        );
      } else if (roll < 0.85) {
        const statuses = ["opened", "won", "lost", "challenged"] as const;
        await env.feed(
          order.id,
          {
            kind: "dispute",
            disputeId: `d${Math.floor(random() * 3)}`,
            status: statuses[Math.floor(random() * 4)]!,
          },
          minutes,
        );
      } else {
        await env.feed(
          order.id,
          { kind: "payment", status: "succeeded", amount: order.amount, currency: "USD" },
          minutes,
        );
      }
    }
    await consistent();
  });

  it("emails the seller once per sale (not for support, not on replays), unless they turned it off", async () => {
    const buyer = (await createTestUser(t.db, { displayName: "Ada Buyer" })).user;
    const order = await env.sale(buyer, env.usd);
    await env.feed(order.id, {
      kind: "payment",
      status: "succeeded",
      amount: 2000,
      currency: "USD",
    });
    await env.sale(buyer, env.usd, { kind: "support", amount: 4900 });
    expect(await env.saleEmails.sent()).toEqual([
      {
        kind: "sale_notice",
        to: env.seller.email,
        displayName: "Sam Seller",
        orderId: order.id,
        productTitle: "Icon Pack",
        amount: 2000,
        currency: "USD",
        buyerName: "Ada Buyer",
      },
    ]);
    await expect(
      setSaleEmails(env.as(env.seller), { saleEmails: "sometimes" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(setSaleEmails(env.as(buyer), { saleEmails: "off" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await setSaleEmails(env.as(env.seller), { saleEmails: "off" });
    await env.sale(await env.newBuyer(), env.eur);
    expect(await env.saleEmails.sent()).toHaveLength(1);
  });

  it("sends a daily seller one digest of their yesterday, in their zone, once, from any process", async () => {
    await setSaleEmails(env.as(env.seller), { saleEmails: "daily" });
    await setReportingTimezone(env.as(env.seller), { timezone: "Asia/Tokyo" });
    // Tokyo's 10 December is 9 Dec 15:00Z .. 10 Dec 15:00Z; the clock is 10 Dec 12:00Z (21:00 there).
    await env.sale(await env.newBuyer(), env.usd, { at: "2026-12-09T16:00:00.000Z" });
    await env.sale(await env.newBuyer(), env.eur, { at: "2026-12-09T14:00:00.000Z" });
    await env.sale(await env.newBuyer(), env.usd, {
      at: "2026-12-09T10:00:00.000Z",
      kind: "support",
      amount: 4900,
    });
    // Daily sellers get no per-sale email.
    expect(await env.saleEmails.sent()).toEqual([]);
    const run = () =>
      sendSaleDigests({ db: t.db, clock: env.clock, actor: SYSTEM, emails: env.saleEmails });
    // Two runs at once (two processes): one digest.
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.sent + b.sent).toBe(1);
    expect(await env.saleEmails.sent()).toEqual([
      {
        kind: "sale_digest",
        to: env.seller.email,
        displayName: "Sam Seller",
        day: "2026-12-09",
        sales: 1,
        lines: [
          { currency: "EUR", products: 3000, support: 0 },
          { currency: "USD", products: 0, support: 4900 },
        ],
      },
    ]);
    expect((await run()).sent).toBe(0);
    // The next day (Tokyo) had the USD sale of 16:00Z: its digest comes a day later.
    env.clock.set(Date.parse("2026-12-11T12:00:00.000Z"));
    expect((await run()).sent).toBe(1);
    expect((await env.saleEmails.sent()).at(-1)).toMatchObject({ day: "2026-12-10", sales: 1 });
    // A day without sales sends nothing, and is still counted as covered.
    env.clock.set(Date.parse("2026-12-12T12:00:00.000Z"));
    expect((await run()).sent).toBe(0);
    await expect(
      sendSaleDigests({
        db: t.db,
        clock: env.clock,
        actor: userActor(env.seller),
        emails: env.saleEmails,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows a seller only their own numbers; staff may look at any seller", async () => {
    await env.sale(await env.newBuyer(), env.usd);
    const other = (await createTestUser(t.db, { seller: true })).user;
    const customer = (await createTestUser(t.db)).user;
    const staff = (await createTestUser(t.db, { staff: true })).user;
    const mine = await getSellerDashboard(env.as(other), {});
    expect(mine.currencies).toEqual([]);
    expect(mine.recentOrders).toEqual([]);
    expect(mine.topProducts).toEqual([]);
    await expect(
      getSellerDashboard(env.as(other), { sellerId: env.seller.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      getSellerDashboard(env.as(other), { productId: env.usd.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getSellerDashboard(env.as(customer), {})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      getSellerDashboard({ db: t.db, clock: env.clock, actor: { kind: "anonymous" } }, {}),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const seen = await getSellerDashboard(
      { db: t.db, clock: env.clock, actor: userActor(staff) },
      { sellerId: env.seller.id },
    );
    expect(seen.counts.current.sales).toBe(1);
  });

  it("refuses ranges it cannot show, with the field named", async () => {
    for (const [input, field] of [
      [{ from: "2026-12-10", to: "2026-12-01" }, "from"],
      [{ from: "2025-01-01", to: "2026-12-01" }, "to"],
      [{ from: "2026-02-30" }, "from"],
      [{ days: 0 }, "days"],
      [{ days: "lots" }, "days"],
      [{ productId: "x".repeat(500) }, "productId"],
    ] as const) {
      const error = (await dashboard(input).catch((e: unknown) => e)) as {
        code?: string;
        fieldErrors?: Record<string, string[]>;
      };
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors?.[field]?.[0]).toMatch(/\w/);
    }
  });
});

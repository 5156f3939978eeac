import { DAY, ManualClock } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getSellerOrder } from "./get-seller-order";
import { ingestPaymentEvent } from "./ingest-payment-event";
import { requestRefund } from "./request-refund";
import { exportSellerCustomers, getSellerCustomer, listSellerCustomers } from "./seller-customers";
import { exportSellerOrders, listSellerOrders } from "./seller-orders";
import { createTestOrder, createTestOrdersEnv, paymentEvent } from "./testing";

describe.each(testDialects())("a seller's orders on %s", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestOrdersEnv>;
  let clock: ManualClock;
  let seller: User;
  let other: User;
  let icons: Awaited<ReturnType<typeof createPublishedProduct>>;
  let fonts: Awaited<ReturnType<typeof createPublishedProduct>>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-12-10T12:00:00.000Z");
    env = createTestOrdersEnv(t, clock);
    seller = (await createTestUser(t.db, { seller: true })).user;
    other = (await createTestUser(t.db, { seller: true })).user;
    icons = await createPublishedProduct(env.catalog, seller.id, { title: "Icons", price: 1500 });
    fonts = await createPublishedProduct(env.catalog, seller.id, { title: "Fonts", price: 900 });
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  let events = 0;
  const feed = (orderId: string, fact: Parameters<typeof paymentEvent>[1]) =>
    ingestPaymentEvent(
      env.ctx,
      paymentEvent(orderId, fact, {
        eventId: `evt_${++events}_${orderId}`,
        occurredAt: clock.now().toISOString(),
      }),
    );
  const paidOrder = async (buyer: User, product: typeof icons, at: string) => {
    const order = await createTestOrder(t.db, {
      userId: buyer.id,
      productId: product.id,
      amount: product.price.amount,
      at: new Date(at),
    });
    await feed(order.id, {
      kind: "payment",
      status: "succeeded",
      amount: product.price.amount,
      currency: "USD",
    });
    return order;
  };
  const list = (filter: object = {}, page: object = {}, as: User = seller) =>
    listSellerOrders(env.ctxFor(as), { filter, page });

  it("lists paid orders newest first by default, filters them, and pages by keyset", async () => {
    const ada = (await createTestUser(t.db, { email: "ada_x@example.com" })).user;
    const ben = (await createTestUser(t.db, { email: "adaax@example.com" })).user;
    await paidOrder(ada, icons, "2026-12-01T10:00:00.000Z");
    await paidOrder(ben, icons, "2026-12-03T10:00:00.000Z");
    await paidOrder(ada, fonts, "2026-12-05T23:30:00.000Z");
    await createTestOrder(t.db, { userId: ben.id, productId: fonts.id, amount: 900 }); // pending

    const all = await list();
    expect(all.items.map((o) => [o.productTitle, o.buyerEmail])).toEqual([
      ["Fonts", "ada_x@example.com"],
      ["Icons", "adaax@example.com"],
      ["Icons", "ada_x@example.com"],
    ]);
    expect((await list({ status: "all" })).items).toHaveLength(4);
    expect((await list({ status: "pending" })).items.map((o) => o.status)).toEqual(["pending"]);
    expect((await list({ productId: fonts.id })).items).toHaveLength(1);
    // What a person types is literal: "%" and "_" are not wildcards.
    expect((await list({ email: "A_X" })).items.map((o) => o.buyerEmail)).toEqual([
      "ada_x@example.com",
      "ada_x@example.com",
    ]);
    expect((await list({ email: "a%x" })).items).toHaveLength(0);
    expect((await list({ email: "aax@" })).items).toHaveLength(1);
    // Days are the seller's: 23:30 UTC on the 5th is the 6th in Berlin.
    expect((await list({ from: "2026-12-05", to: "2026-12-05" })).items).toHaveLength(1);
    await t.db
      .updateTable("users")
      .set({ timezone: "Europe/Berlin" })
      .where("id", "=", seller.id)
      .execute();
    expect((await list({ from: "2026-12-05", to: "2026-12-05" })).items).toHaveLength(0);
    expect((await list({ from: "2026-12-06", to: "2026-12-06" })).items).toHaveLength(1);

    const first = await list({}, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await list({}, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((o) => o.productTitle)).toEqual(["Icons"]);
    expect(second.nextCursor).toBeNull();

    const batches: number[] = [];
    for await (const batch of exportSellerOrders(env.ctxFor(seller), { status: "all" })) {
      batches.push(batch.length);
    }
    expect(batches).toEqual([4]);
  });

  it("never shows a seller another seller's orders", async () => {
    const buyer = (await createTestUser(t.db)).user;
    const order = await paidOrder(buyer, icons, "2026-12-01T10:00:00.000Z");
    expect((await list({}, {}, other)).items).toEqual([]);
    await expect(getSellerOrder(env.ctxFor(other), { orderId: order.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      requestRefund(env.ctxFor(other), { orderId: order.id, reason: "Mine now" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list({}, {}, buyer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(env.provider.refunds).toEqual([]);
  });

  it("refuses filters it cannot read, naming the field", async () => {
    for (const [filter, message] of [
      [{ status: "lost" }, /Choose a status/],
      [{ from: "2026-13-01" }, /real date/],
      [{ from: "2026-12-10", to: "2026-12-01" }, /start date must be on or before/],
      [{ email: "x".repeat(201) }, /at most 200 characters/],
      [{ productId: "x".repeat(65) }, /too long/],
    ] as const) {
      const error = (await list(filter).catch((e: unknown) => e)) as {
        code?: string;
        fieldErrors?: Record<string, string[]>;
      };
      expect(error.code, JSON.stringify(filter)).toBe("VALIDATION");
      expect(error.fieldErrors?.filter?.[0]).toMatch(message);
    }
  });

  it("shows an order's timeline and access, and refunds it only through the provider's event", async () => {
    const buyer = (await createTestUser(t.db, { email: "fan@example.com" })).user;
    const order = await paidOrder(buyer, icons, "2026-12-09T10:00:00.000Z");
    const seen = await getSellerOrder(env.ctxFor(seller), { orderId: order.id });
    expect(seen.events.map((e) => e.type)).toEqual(["payment.succeeded"]);
    expect(seen.access).toMatchObject({ state: "owner", throughThisOrder: true });
    expect(seen.refundable?.remaining).toEqual({ amount: 1500, currency: "USD" });
    expect(seen.refundable?.until).toBe("2027-01-09T12:00:00.000Z");

    // A seller gives a reason; the amount must fit what is left.
    await expect(requestRefund(env.ctxFor(seller), { orderId: order.id })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      requestRefund(env.ctxFor(seller), { orderId: order.id, amount: 1501, reason: "Too much" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await requestRefund(env.ctxFor(seller), {
      orderId: order.id,
      amount: 500,
      reason: "Broken icon set",
    });
    expect(env.provider.refunds).toEqual([
      { paymentId: `pay_${order.id}`, amount: 500, reason: "Broken icon set" },
    ]);
    // Asking changed nothing: the provider's event does.
    expect((await getSellerOrder(env.ctxFor(seller), { orderId: order.id })).status).toBe("paid");
    await feed(order.id, {
      kind: "refund",
      refundId: "ref_1",
      status: "succeeded",
      amount: 500,
      isPartial: true,
    });
    const partly = await getSellerOrder(env.ctxFor(seller), { orderId: order.id });
    expect(partly.status).toBe("partially_refunded");
    expect(partly.refundable?.remaining.amount).toBe(1000);
    expect(partly.access.state).toBe("owner");
    await feed(order.id, {
      kind: "refund",
      refundId: "ref_2",
      status: "succeeded",
      amount: 1000,
      isPartial: false,
    });
    const full = await getSellerOrder(env.ctxFor(seller), { orderId: order.id });
    expect(full.access.state).toBe("revoked");
    expect(full.refundable).toBeNull();
    expect(full.events.map((e) => e.type)).toEqual([
      "payment.succeeded",
      "refund.succeeded",
      "refund.succeeded",
    ]);
  });

  it("refuses a refund after the provider's window, saying so, without asking it", async () => {
    const buyer = (await createTestUser(t.db)).user;
    const order = await paidOrder(buyer, icons, "2026-12-09T10:00:00.000Z");
    clock.set(clock.now().getTime() + 31 * DAY);
    await expect(
      requestRefund(env.ctxFor(seller), { orderId: order.id, reason: "Late request" }),
    ).rejects.toThrow(/takes refunds for 30 days after a payment; this one was paid on 2026-12-10/);
    expect(env.provider.refunds).toEqual([]);
  });
});

describe.each(testDialects())("a seller's customers on %s", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestOrdersEnv>;
  let seller: User;
  let icons: Awaited<ReturnType<typeof createPublishedProduct>>;
  let fonts: Awaited<ReturnType<typeof createPublishedProduct>>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestOrdersEnv(t, new ManualClock("2026-12-10T12:00:00.000Z"));
    seller = (await createTestUser(t.db, { seller: true })).user;
    icons = await createPublishedProduct(env.catalog, seller.id, { title: "Icons", price: 1500 });
    fonts = await createPublishedProduct(env.catalog, seller.id, {
      title: "Fonts",
      price: 900,
      currency: "EUR",
    });
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  let n = 0;
  const pay = async (buyer: User, product: typeof icons, refunded = 0) => {
    const order = await createTestOrder(t.db, {
      userId: buyer.id,
      productId: product.id,
      amount: product.price.amount,
      currency: product.price.currency,
      at: new Date(Date.parse("2026-12-01T00:00:00.000Z") + ++n * 60_000),
    });
    const fact = {
      kind: "payment",
      status: "succeeded",
      amount: product.price.amount,
      currency: product.price.currency,
    } as const;
    await ingestPaymentEvent(env.ctx, paymentEvent(order.id, fact, { eventId: `evt_c${n}` }));
    if (refunded) {
      await ingestPaymentEvent(
        env.ctx,
        paymentEvent(
          order.id,
          {
            kind: "refund",
            refundId: `r${n}`,
            status: "succeeded",
            amount: refunded,
            isPartial: true,
          },
          { eventId: `evt_r${n}` },
        ),
      );
    }
  };

  it("lists everyone who paid, with net spend per currency and what they hold, searchable", async () => {
    const ada = (
      await createTestUser(t.db, { email: "ada@example.com", displayName: "Ada Lovelace" })
    ).user;
    const bob = (await createTestUser(t.db, { email: "bob@example.com", displayName: "Bob" })).user;
    const never = (await createTestUser(t.db, { email: "cat@example.com" })).user;
    await pay(ada, icons, 500);
    await pay(ada, fonts);
    await pay(bob, icons);
    await createTestOrder(t.db, { userId: never.id, productId: icons.id, amount: 1500 });

    const page = await listSellerCustomers(env.ctxFor(seller), {});
    expect(
      page.items.map((c) => [c.email, c.orders, c.spent, c.products.map((p) => p.title)]),
    ).toEqual([
      [
        "ada@example.com",
        2,
        [
          { amount: 900, currency: "EUR" },
          { amount: 1000, currency: "USD" },
        ],
        ["Fonts", "Icons"],
      ],
      ["bob@example.com", 1, [{ amount: 1500, currency: "USD" }], ["Icons"]],
    ]);
    expect((await listSellerCustomers(env.ctxFor(seller), { search: "LOVE" })).items).toHaveLength(
      1,
    );
    expect((await listSellerCustomers(env.ctxFor(seller), { search: "%" })).items).toHaveLength(0);
    const first = await listSellerCustomers(env.ctxFor(seller), { page: { limit: 1 } });
    const next = await listSellerCustomers(env.ctxFor(seller), {
      page: { limit: 1, cursor: first.nextCursor },
    });
    expect(next.items.map((c) => c.email)).toEqual(["bob@example.com"]);

    const one = await getSellerCustomer(env.ctxFor(seller), { customerId: ada.id });
    expect(one.firstPurchaseAt).toBe("2026-12-01T00:01:00.000Z");
    const orders = await listSellerOrders(env.ctxFor(seller), { filter: { customerId: ada.id } });
    expect(orders.items).toHaveLength(2);
    // Someone who never paid, and another seller's view: NOT_FOUND.
    await expect(
      getSellerCustomer(env.ctxFor(seller), { customerId: never.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = (await createTestUser(t.db, { seller: true })).user;
    await expect(
      getSellerCustomer(env.ctxFor(other), { customerId: ada.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listSellerCustomers(env.ctxFor(other), {})).items).toEqual([]);
    const batches: number[] = [];
    for await (const batch of exportSellerCustomers(env.ctxFor(seller), {}))
      batches.push(batch.length);
    expect(batches).toEqual([2]);
  });
});

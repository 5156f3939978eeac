import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import type { User } from "@digistore/domain-users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAccess } from "./access";
import { type IngestResult } from "./ingest-payment-event";
import { createPaymentEventIngester } from "./payment-event-ingester";
import { type PaymentFact } from "./provider";
import { startCheckout } from "./start-checkout";
import { createTestOrdersEnv, paymentEvent } from "./testing";

const PRICE = 900;
const paid: PaymentFact = { kind: "payment", status: "succeeded", amount: PRICE, currency: "USD" };
const refunded: PaymentFact = {
  kind: "refund",
  refundId: "ref_1",
  status: "succeeded",
  amount: PRICE,
};

describe.each(testDialects())("payment event ingester on %s", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestOrdersEnv>;
  let seller: User;
  let product: Awaited<ReturnType<typeof createPublishedProduct>>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestOrdersEnv(t);
    seller = (await createTestUser(t.db, { seller: true })).user;
    product = await createPublishedProduct(env.catalog, seller.id, {
      title: "Brushes",
      price: PRICE,
      content: "bytes",
    });
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  /** `n` buyers, each with a pending order for the product. */
  async function buyers(n: number) {
    const made = [];
    for (let i = 0; i < n; i++) {
      const { user } = await createTestUser(t.db);
      const { orderId } = await startCheckout(env.ctxFor(user), {
        productSlug: product.slug,
        billingCountry: "fr",
      });
      made.push({ user, orderId });
    }
    return made;
  }
  const grants = async () =>
    Number(
      (
        await t.db
          .selectFrom("purchased_products")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("revoked_at", "is", null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("applies events arriving together, each with its own outcome", async () => {
    const sizes: number[] = [];
    const ingester = createPaymentEventIngester(env.ctx, { onBatch: (n) => sizes.push(n) });
    const made = await buyers(30);
    // Each arrives in an event-loop turn of its own, as HTTP requests do.
    const results = await Promise.all(
      made.map(
        ({ orderId }) =>
          new Promise<IngestResult>((resolve, reject) => {
            setImmediate(() => {
              ingester.ingest(paymentEvent(orderId, paid)).then(resolve).catch(reject);
            });
          }),
      ),
    );
    expect(results.map((r) => r.outcome)).toEqual(made.map(() => "processed"));
    expect(await grants()).toBe(30);
    for (const { user } of made)
      expect(await getAccess(t.db, user, { id: product.id, sellerId: seller.id })).toBe("owner");
    expect(await env.emails.ofKind("receipt")).toHaveLength(30);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(30);
    // SQLite's single writer commits the ones that queued up together; PostgreSQL runs each
    // in its own transaction.
    if (dialect === "sqlite") expect(sizes.length).toBeLessThan(30);
  });

  it("processes one event delivered 20 times at once exactly once", async () => {
    const [buyer] = await buyers(1);
    const event = paymentEvent(buyer!.orderId, paid, { eventId: "evt_twenty" });
    const ingester = createPaymentEventIngester(env.ctx);
    const results = await Promise.all(Array.from({ length: 20 }, () => ingester.ingest(event)));
    expect(results.filter((r) => r.outcome === "processed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(19);
    expect(await grants()).toBe(1);
    expect(await env.emails.ofKind("receipt")).toHaveLength(1);
  });

  it("keeps a failing event from taking the others in its batch down with it", async () => {
    const made = await buyers(8);
    const doomed = made[3]!.orderId;
    const deps = {
      ...env.ctx,
      orderHooks: [
        (_db: unknown, change: { after: { id: string } }) =>
          change.after.id === doomed
            ? Promise.reject(new Error("hook exploded"))
            : Promise.resolve(),
      ],
    };
    const ingester = createPaymentEventIngester(deps);
    const results = await Promise.all(
      made.map(({ orderId }) => ingester.ingest(paymentEvent(orderId, paid))),
    );
    expect(results.map((r) => r.outcome)).toEqual(
      made.map(({ orderId }) => (orderId === doomed ? "failed" : "processed")),
    );
    expect(await grants()).toBe(7);
    const failed = await t.db
      .selectFrom("payment_events")
      .select(["order_id", "error"])
      .where("outcome", "=", "failed")
      .execute();
    expect(failed).toEqual([{ order_id: doomed, error: "hook exploded" }]);
  });

  it("converges when a success and its refund arrive together", async () => {
    const [buyer] = await buyers(1);
    const { user, orderId } = buyer!;
    const ingester = createPaymentEventIngester(env.ctx);
    const [first] = await buyers(1); // something ahead of them, so the two queue together
    await Promise.all([
      ingester.ingest(paymentEvent(first!.orderId, paid)),
      ingester.ingest(paymentEvent(orderId, refunded, { occurredAt: "2026-11-21T10:00:01.000Z" })),
      ingester.ingest(paymentEvent(orderId, paid, { occurredAt: "2026-11-21T10:00:00.000Z" })),
    ]);
    expect(await getAccess(t.db, user, { id: product.id, sellerId: seller.id })).toBe("revoked");
    const order = await t.db
      .selectFrom("orders")
      .select("status")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("refunded");
  });
});

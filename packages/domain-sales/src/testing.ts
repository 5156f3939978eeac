import { ManualClock, userActor, type Actor } from "@digistore/core";
import type { Db } from "@digistore/db";
import { RecordingOutbox } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import {
  ingestPaymentEvent,
  type OrdersContext,
  type PaymentEvent,
} from "@digistore/domain-orders";
import {
  createTestOrder,
  createTestOrdersEnv,
  paymentEvent,
} from "@digistore/domain-orders/testing";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import type { SaleNotice } from "./ports";
import { createSalesOrderHook } from "./sales-order-hook";

export type TestSalesEnv = Awaited<ReturnType<typeof createTestSalesEnv>>;

type Fact = PaymentEvent["fact"];

/**
 * The orders test context with the sales hook wired in as the app does, a seller with a USD
 * and a EUR product, and helpers to place orders and feed the provider's events for them.
 */
export async function createTestSalesEnv(
  db: Db,
  clock = new ManualClock("2026-12-10T12:00:00.000Z"),
) {
  const base = createTestOrdersEnv(db, clock);
  const saleEmails = new RecordingOutbox<SaleNotice>(db.db);
  const orders: OrdersContext = {
    ...base.ctx,
    orderHooks: [createSalesOrderHook({ dialect: db.dialect, emails: saleEmails })],
  };
  const seller = (await createTestUser(db.db, { seller: true, displayName: "Sam Seller" })).user;
  const usd = await createPublishedProduct(base.catalog, seller.id, {
    title: "Icon Pack",
    price: 2000,
  });
  const eur = await createPublishedProduct(base.catalog, seller.id, {
    title: "Font Kit",
    price: 3000,
    currency: "EUR",
  });
  let buyers = 0;
  const newBuyer = async () =>
    (await createTestUser(db.db, { displayName: `Buyer ${++buyers}` })).user;
  let events = 0;
  /** One provider event for an order, `minutes` after the clock's time. */
  const feed = (orderId: string, fact: Fact, minutes = 1) =>
    ingestPaymentEvent(
      orders,
      paymentEvent(orderId, fact, {
        eventId: `evt_${orderId}_${++events}`,
        occurredAt: new Date(clock.now().getTime() + minutes * 60_000).toISOString(),
      }),
    );
  /** A pending order placed at `at`, then paid in full. */
  const sale = async (
    buyer: User,
    product: { id: string; price: { amount: number; currency: string } },
    options: { at?: string; kind?: "product" | "support"; amount?: number } = {},
  ) => {
    const amount = options.amount ?? product.price.amount;
    const order = await createTestOrder(db.db, {
      userId: buyer.id,
      productId: product.id,
      amount,
      currency: product.price.currency,
      kind: options.kind ?? "product",
      at: new Date(options.at ?? clock.now().toISOString()),
    });
    await feed(order.id, {
      kind: "payment",
      status: "succeeded",
      amount,
      currency: product.price.currency,
    });
    return order;
  };
  const as = (person: {
    id: string;
    roles: User["roles"];
  }): { db: Db["db"]; dialect: Db["dialect"]; clock: ManualClock; actor: Actor } => ({
    db: db.db,
    dialect: db.dialect,
    clock,
    actor: userActor(person),
  });
  return {
    orders,
    saleEmails,
    seller,
    usd,
    eur,
    newBuyer,
    feed,
    sale,
    as,
    clock,
    cleanup: base.cleanup,
  };
}

import { ANONYMOUS, ManualClock, userActor } from "@digistore/core";
import type { Db } from "@digistore/db";
import type { Product } from "@digistore/domain-catalog";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import {
  ingestPaymentEvent,
  startCheckout,
  type OrdersContext,
  type PaymentFact,
} from "@digistore/domain-orders";
import { createTestOrdersEnv, paymentEvent } from "@digistore/domain-orders/testing";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import { createLicenseOrderHook } from "./license-order-hook";
import type { LicensesContext } from "./ports";

export type TestLicensesEnv = Awaited<ReturnType<typeof createTestLicensesEnv>>;

/**
 * The orders test context with the licence hook wired in as the app does, a seller with a
 * published product, and a customer. `ctxFor(person)` acts for them (null: the public API).
 */
export async function createTestLicensesEnv(db: Db, clock?: ManualClock) {
  const base = createTestOrdersEnv(db, clock ?? new ManualClock("2026-12-01T10:00:00.000Z"));
  const orders: OrdersContext = {
    ...base.ctx,
    orderHooks: [createLicenseOrderHook({ clock: base.ctx.clock })],
  };
  const seller = (await createTestUser(db.db, { seller: true, displayName: "Sam Seller" })).user;
  const customer = (await createTestUser(db.db, { displayName: "Cleo Customer" })).user;
  const product = await createPublishedProduct(base.catalog, seller.id, {
    title: "Pixel Editor",
    price: 2500,
  });
  const ctxFor = (person: User | null, ip = "203.0.113.7"): LicensesContext => ({
    db: db.db,
    dialect: db.dialect,
    clock: base.ctx.clock,
    actor: person ? userActor(person) : ANONYMOUS,
    client: { ip },
  });
  /** Any provider fact about an order, through the real webhook path (and so the hook). */
  const deliver = (orderId: string, fact: PaymentFact, eventId?: string) =>
    ingestPaymentEvent(
      orders,
      paymentEvent(orderId, fact, {
        occurredAt: base.ctx.clock.now().toISOString(),
        ...(eventId ? { eventId } : {}),
      }),
    );
  /** Checkout, then the provider's success event; the order id. */
  const buy = async (person: User, item: Product = product): Promise<string> => {
    const { orderId } = await startCheckout(base.ctxFor(person), {
      productSlug: item.slug,
      billingCountry: "DE",
    });
    await deliver(orderId, {
      kind: "payment",
      status: "succeeded",
      amount: item.price.amount,
      currency: item.price.currency,
    });
    return orderId;
  };
  return {
    ...base,
    orders,
    seller,
    customer,
    product,
    ctxFor,
    deliver,
    buy,
    clock: base.ctx.clock as ManualClock,
  };
}

import { ManualClock, userActor } from "@digistore/core";
import type { Db } from "@digistore/db";
import { DEFAULT_CATALOG_LIMITS } from "@digistore/domain-catalog";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import { ingestPaymentEvent, type OrdersContext } from "@digistore/domain-orders";
import { createTestOrdersEnv, paymentEvent } from "@digistore/domain-orders/testing";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import { createCheckoutDiscounts } from "./checkout-discounts";
import type { DiscountsContext } from "./ports";

export type TestDiscountsEnv = Awaited<ReturnType<typeof createTestDiscountsEnv>>;

/**
 * The orders test context with discounts wired in as the app does, a seller with a product,
 * and a way to make customers. `sellerCtx` acts for the seller in the discounts verbs;
 * `buyerCtx(person)` acts for a buyer at checkout.
 */
export async function createTestDiscountsEnv(db: Db, clock?: ManualClock) {
  const base = createTestOrdersEnv(db, clock ?? new ManualClock("2026-12-01T10:00:00.000Z"));
  const orders: OrdersContext = {
    ...base.ctx,
    discounts: createCheckoutDiscounts({ clock: base.ctx.clock }),
  };
  const seller = (await createTestUser(db.db, { seller: true, displayName: "Sam Seller" })).user;
  const product = await createPublishedProduct(base.catalog, seller.id, {
    title: "Icon Pack",
    price: 2000,
  });
  const ctxAs = (person: User): DiscountsContext => ({
    db: db.db,
    dialect: db.dialect,
    clock: base.ctx.clock,
    actor: userActor(person),
  });
  let buyers = 0;
  const newBuyer = async () =>
    (await createTestUser(db.db, { displayName: `Buyer ${++buyers}` })).user;
  const buyerCtx = (person: User) => ({
    ...orders,
    actor: userActor(person),
    catalogLimits: DEFAULT_CATALOG_LIMITS,
  });
  /** The provider's success event for an order, at the amount the order asked. */
  const pay = async (orderId: string) => {
    const order = await db.db
      .selectFrom("orders")
      .select(["amount", "currency"])
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    await ingestPaymentEvent(
      orders,
      paymentEvent(orderId, {
        kind: "payment",
        status: "succeeded",
        amount: order.amount,
        currency: order.currency,
      }),
    );
  };
  return {
    ...base,
    orders,
    seller,
    product,
    sellerCtx: ctxAs(seller),
    ctxAs,
    newBuyer,
    buyerCtx,
    pay,
    clock: base.ctx.clock as ManualClock,
  };
}

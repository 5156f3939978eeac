import { ANONYMOUS, ManualClock, userActor, type ActorRoles } from "@digistore/core";
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
import { RecordingOutbox } from "@digistore/db/testing";
import type { SupportContext, SupportEmail, SupportEmailQueue } from "./ports";
import { createSupportOrderHook } from "./support-order-hook";

/** The support emails a test queued, kept only if their transaction committed. */
class RecordingSupportEmails extends RecordingOutbox<SupportEmail> implements SupportEmailQueue {}

export type TestSupportEnv = ReturnType<typeof createTestSupportEnv>;

/**
 * A support context over a test database: the orders test context (test provider, recording
 * order emails, temp storage) with the support hook wired into `orderHooks`, as the app does.
 * `orders` acts as the store itself (webhooks, housekeeping); `ctxFor(person)` is the support
 * context acting for that person (null: anonymous).
 */
export function createTestSupportEnv(db: Db, clock?: ManualClock) {
  const base = createTestOrdersEnv(db, clock ?? new ManualClock("2026-11-21T10:00:00.000Z"));
  const emails = new RecordingSupportEmails(db.db);
  const hook = createSupportOrderHook({ clock: base.ctx.clock, dialect: db.dialect, emails });
  const orders: OrdersContext = { ...base.ctx, orderHooks: [hook] };
  const system: SupportContext = { ...orders, emails };
  const ctxFor = (
    person: { readonly id: string; readonly roles: ActorRoles } | null,
  ): SupportContext => ({ ...system, actor: person ? userActor(person) : ANONYMOUS });
  return {
    ctx: system,
    ctxFor,
    orders,
    ordersFor: base.ctxFor,
    emails,
    orderEmails: base.emails,
    provider: base.provider,
    catalog: base.catalog,
    clock: base.catalog.clock,
    cleanup: base.cleanup,
  };
}

/** A "payment succeeded" for the order's full amount, through the real webhook path. */
export async function payFor(
  env: TestSupportEnv,
  orderId: string,
  options: { eventId?: string } = {},
) {
  const order = await env.orders.db
    .selectFrom("orders")
    .select(["amount", "currency"])
    .where("id", "=", orderId)
    .executeTakeFirstOrThrow();
  return deliver(
    env,
    orderId,
    { kind: "payment", status: "succeeded", amount: order.amount, currency: order.currency },
    options,
  );
}

/** Any provider fact about an order, through `ingestPaymentEvent` (and so the hook). */
export function deliver(
  env: TestSupportEnv,
  orderId: string,
  fact: PaymentFact,
  options: { eventId?: string } = {},
) {
  return ingestPaymentEvent(
    env.orders,
    paymentEvent(orderId, fact, {
      occurredAt: env.clock.now().toISOString(),
      ...(options.eventId ? { eventId: options.eventId } : {}),
    }),
  );
}

/** Buys a product the way a customer does: checkout, then the provider's success event. */
export async function buyProduct(
  env: TestSupportEnv,
  customer: User,
  product: Product,
): Promise<string> {
  const { orderId } = await startCheckout(env.ordersFor(customer), {
    productSlug: product.slug,
    billingCountry: "DE",
  });
  await payFor(env, orderId);
  return orderId;
}

export interface SupportScenario {
  readonly seller: User;
  readonly customer: User;
  readonly product: Product;
  /** The product order that gave the customer their PurchasedProduct. */
  readonly purchaseOrderId: string;
}

/** A seller, a published product with a support price, and a customer who owns it. */
export async function createSupportScenario(
  env: TestSupportEnv,
  options: { supportPrice?: number | null; price?: number } = {},
): Promise<SupportScenario> {
  const seller = (await createTestUser(env.orders.db, { seller: true, displayName: "Sam Seller" }))
    .user;
  const customer = (await createTestUser(env.orders.db, { displayName: "Cleo Customer" })).user;
  const product = await createPublishedProduct(env.catalog, seller.id, {
    title: "Icon Pack",
    price: options.price ?? 1500,
    supportPrice: options.supportPrice === undefined ? 4900 : options.supportPrice,
  });
  const purchaseOrderId = await buyProduct(env, customer, product);
  return { seller, customer, product, purchaseOrderId };
}

/** What a support request form sends. */
export function supportInput(productId: string, overrides: Record<string, unknown> = {}) {
  return {
    productId,
    subject: "The icons do not import",
    message: "Importing the pack into Figma fails with an error. What can I do?",
    billingCountry: "DE",
    ...overrides,
  };
}

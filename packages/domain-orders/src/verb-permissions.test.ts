import {
  ForbiddenError,
  UnauthorizedError,
  ValidationError,
  type Actor,
  ANONYMOUS,
  SYSTEM,
  userActor,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { DEFAULT_CATALOG_LIMITS } from "@digistore/domain-catalog";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authorizeDownload } from "./authorize-download";
import { expirePendingOrders } from "./expire-pending-orders";
import { findStoredEventId } from "./find-stored-event-id";
import { getOrderForBuyer } from "./get-order-for-buyer";
import { ingestPaymentEvent } from "./ingest-payment-event";
import { listLibrary } from "./list-library";
import { listOrders } from "./list-orders";
import { listOwnedVersions } from "./list-owned-versions";
import { listPaymentEvents } from "./list-payment-events";
import { createPaymentEventIngester } from "./payment-event-ingester";
import { reconcilePendingOrders } from "./reconcile-pending-orders";
import { reprocessPaymentEvent } from "./reprocess-payment-event";
import { requestRefund } from "./request-refund";
import { previewCheckout } from "./preview-checkout";
import { startCheckout } from "./start-checkout";
import { createTestOrder, createTestOrdersEnv, paymentEvent, type TestOrdersEnv } from "./testing";

// The verbs check who acts themselves (the routers' procedures are a second fence, not the only one).
describe.each(testDialects())("who may call the orders verbs, on %s", (dialect) => {
  let t: TestDb;
  let env: TestOrdersEnv;
  let customer: User;
  let seller: User;
  let orderId: string;
  let productSlug: string;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestOrdersEnv(t);
    seller = (await createTestUser(t.db, { seller: true })).user;
    customer = (await createTestUser(t.db)).user;
    const product = await createPublishedProduct(env.catalog, seller.id, { price: 1500 });
    productSlug = product.slug;
    orderId = (
      await createTestOrder(t.db, {
        userId: customer.id,
        productId: product.id,
        amount: 1500,
        status: "paid",
      })
    ).id;
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const as = (actor: Actor) => ({ ...env.ctx, actor });
  // The preview reads the catalogue's product page, which wants the catalogue's whole limits.
  const asBuyer = (actor: Actor) => ({ ...as(actor), catalogLimits: DEFAULT_CATALOG_LIMITS });
  const orderRow = () =>
    t.db.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();

  const staffOnly = {
    listPaymentEvents: (actor: Actor) => listPaymentEvents(as(actor)),
  };
  const staffOrSystem = {
    reprocessPaymentEvent: (actor: Actor) => reprocessPaymentEvent(as(actor), { id: "evt" }),
    findStoredEventId: (actor: Actor) => findStoredEventId(as(actor), { providerEventId: "e" }),
    expirePendingOrders: (actor: Actor) => expirePendingOrders(as(actor)),
    reconcilePendingOrders: (actor: Actor) => reconcilePendingOrders(as(actor)),
    ingestPaymentEvent: (actor: Actor) =>
      ingestPaymentEvent(as(actor), paymentEvent(orderId, { kind: "other" })),
  };

  it.each(Object.entries({ ...staffOnly, ...staffOrSystem }))(
    "%s: a customer is FORBIDDEN and anonymous UNAUTHORIZED",
    async (_name, call) => {
      await expect(call(userActor(customer))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(userActor(seller))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(ANONYMOUS)).rejects.toBeInstanceOf(UnauthorizedError);
      expect(await t.db.selectFrom("payment_events").selectAll().execute()).toEqual([]);
    },
  );

  it.each(Object.entries(staffOnly))("%s: the store itself is not staff", async (_name, call) => {
    await expect(call(SYSTEM)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("builds the webhook ingester only for the store itself (or staff)", () => {
    expect(() => createPaymentEventIngester(as(userActor(customer)))).toThrow(ForbiddenError);
    expect(() => createPaymentEventIngester(as(SYSTEM))).not.toThrow();
  });

  it("refunds only for staff or the product's seller", async () => {
    await expect(requestRefund(as(userActor(customer)), { orderId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(requestRefund(as(ANONYMOUS), { orderId })).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(requestRefund(as(SYSTEM), { orderId })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(env.provider.refunds).toEqual([]);
  });

  it("previews the checkout for the person asking: owned, their own, or on sale to them", async () => {
    const product = await t.db
      .selectFrom("products")
      .select("id")
      .where("slug", "=", productSlug)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("purchased_products")
      .values({
        id: "grant-1",
        user_id: customer.id,
        product_id: product.id,
        order_id: orderId,
        created_at: "2026-11-21T09:00:00.000Z",
        revoked_at: null,
        revoke_reason: null,
        suspended_at: null,
      })
      .execute();
    expect(await previewCheckout(asBuyer(userActor(customer)), { productSlug })).toMatchObject({
      product: { slug: productSlug, price: { amount: 1500 } },
      owned: true,
      refusal: null,
    });
    expect(await previewCheckout(asBuyer(userActor(seller)), { productSlug })).toMatchObject({
      owned: false,
      refusal: "You cannot buy your own product.",
    });
    const newcomer = (await createTestUser(t.db)).user;
    expect(await previewCheckout(asBuyer(userActor(newcomer)), { productSlug })).toMatchObject({
      owned: false,
      refusal: null,
    });
    await expect(
      previewCheckout(asBuyer(userActor(newcomer)), { productSlug: "" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("answers UNAUTHORIZED to anonymous callers of the buyer's verbs", async () => {
    const anonymous = as(ANONYMOUS);
    for (const call of [
      () => previewCheckout(asBuyer(ANONYMOUS), { productSlug: "x" }),
      () => startCheckout(anonymous, { productSlug: "x", billingCountry: "DE" }),
      () => listLibrary(anonymous),
      () => listOrders(anonymous),
      () => getOrderForBuyer(anonymous, { orderId }),
      () => listOwnedVersions(anonymous, { productId: "x" }),
      () => authorizeDownload(anonymous, { productId: "x" }),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(UnauthorizedError);
    }
  });

  it("refuses bad input with a readable message and changes nothing", async () => {
    const staff = as(userActor((await createTestUser(t.db, { staff: true })).user));
    const before = await orderRow();
    await expect(requestRefund(staff, { orderId, amount: -5 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(requestRefund(staff, { orderId: "" })).rejects.toThrow("An id is required.");
    await expect(listPaymentEvents(staff, { limit: 1000 })).rejects.toBeInstanceOf(ValidationError);
    await expect(reprocessPaymentEvent(staff, { id: "x".repeat(65) })).rejects.toThrow(
      "That id is too long.",
    );
    await expect(
      getOrderForBuyer(as(userActor(customer)), { orderId: "x".repeat(65) }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(listOrders(as(userActor(customer)), { limit: 0 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(expirePendingOrders(env.ctx, { limit: 0 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await orderRow()).toEqual(before);
    expect(env.provider.refunds).toEqual([]);
  });
});

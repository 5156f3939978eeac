import { ValidationError } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct, ctxFor, sellerActor } from "@digistore/domain-catalog/testing";
import { DEFAULT_CATALOG_LIMITS, updateProduct } from "@digistore/domain-catalog";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestPaymentEvent } from "./ingest-payment-event";
import { previewCheckout } from "./preview-checkout";
import { startCheckout } from "./start-checkout";
import { createTestOrdersEnv, paymentEvent, type TestOrdersEnv } from "./testing";

describe.each(testDialects())("pay what you want on %s", (dialect) => {
  let t: TestDb;
  let env: TestOrdersEnv;
  let buyer: Awaited<ReturnType<typeof createTestUser>>["user"];
  let sellerId: string;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestOrdersEnv(t);
    sellerId = (await createTestUser(t.db, { seller: true })).user.id;
    buyer = (await createTestUser(t.db)).user;
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const pwyw = (suggestedPrice: number | null = 1500) =>
    createPublishedProduct(env.catalog, sellerId, {
      title: "Brush Pack",
      price: 500,
      payWhatYouWant: true,
      suggestedPrice,
    });
  const start = (slug: string, amount?: unknown) =>
    startCheckout(env.ctxFor(buyer), {
      productSlug: slug,
      billingCountry: "DE",
      ...(amount === undefined ? {} : { amount }),
    });
  const orderAmounts = async () =>
    (await t.db.selectFrom("orders").select("amount").execute()).map((o) => o.amount);

  it("charges what the buyer chose, tells the provider the minimum, and grants on that payment", async () => {
    const product = await pwyw();
    const { orderId } = await start(product.slug, 1234);
    expect(env.provider.checkouts.at(-1)).toMatchObject({
      price: { amount: 1234, currency: "USD" },
      minimumPrice: { amount: 500, currency: "USD" },
    });
    await ingestPaymentEvent(
      env.ctx,
      paymentEvent(orderId, {
        kind: "payment",
        status: "succeeded",
        amount: 1234,
        currency: "USD",
      }),
    );
    const order = await t.db
      .selectFrom("orders")
      .selectAll()
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ amount: 1234, status: "paid" });
  });

  it("never counts a payment below what the order asked for", async () => {
    const product = await pwyw();
    const { orderId } = await start(product.slug, 2000);
    await ingestPaymentEvent(
      env.ctx,
      paymentEvent(orderId, { kind: "payment", status: "succeeded", amount: 500, currency: "USD" }),
    );
    const order = await t.db
      .selectFrom("orders")
      .select("status")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).not.toBe("paid");
  });

  it("starts at the suggestion, or the minimum without one", async () => {
    await start((await pwyw(1500)).slug);
    const other = await createPublishedProduct(env.catalog, sellerId, {
      title: "Second Pack",
      price: 700,
      payWhatYouWant: true,
    });
    await start(other.slug);
    expect(await orderAmounts()).toEqual([1500, 700]);
  });

  it.each([
    [499, /at least \$5\.00/],
    [0, /above zero/],
    [-100, /above zero/],
    [12.5, /whole cents/],
    ["1234", /Type the amount/],
    [500 * 1000 + 1, /at most \$5,000\.00/],
    [Number.MAX_SAFE_INTEGER + 2, /too large/],
  ])("refuses %s and stores no order", async (amount, message) => {
    const product = await pwyw();
    await expect(start(product.slug, amount)).rejects.toThrow(ValidationError);
    await expect(start(product.slug, amount)).rejects.toThrow(message);
    expect(await orderAmounts()).toEqual([]);
    expect(env.provider.checkouts).toEqual([]);
  });

  it("keeps a fixed price fixed, and support prices always are", async () => {
    const fixed = await createPublishedProduct(env.catalog, sellerId, { price: 900 });
    await expect(start(fixed.slug, 100)).rejects.toThrow(/fixed price/);
    await start(fixed.slug);
    expect(env.provider.checkouts.at(-1)).not.toHaveProperty("minimumPrice");
    expect(await orderAmounts()).toEqual([900]);
  });

  it("shows the checkout page the minimum and the suggestion", async () => {
    const product = await pwyw(1500);
    const preview = await previewCheckout(
      { ...env.ctxFor(buyer), catalogLimits: DEFAULT_CATALOG_LIMITS },
      { productSlug: product.slug },
    );
    expect(preview.product).toMatchObject({
      price: { amount: 500 },
      payWhatYouWant: true,
      suggestedPrice: { amount: 1500 },
    });
  });

  it("refuses a suggestion below the minimum, on creation and on edit", async () => {
    await expect(
      createPublishedProduct(env.catalog, sellerId, {
        price: 800,
        payWhatYouWant: true,
        suggestedPrice: 700,
      }),
    ).rejects.toThrow(/cannot be below the minimum/);
    const product = await pwyw(1500);
    const seller = ctxFor(env.catalog, sellerActor(sellerId));
    await expect(updateProduct(seller, { productId: product.id, price: 2000 })).rejects.toThrow(
      /cannot be below the minimum/,
    );
    // An edit that names one field leaves the others alone.
    const renamed = await updateProduct(seller, { productId: product.id, title: "Brush Pack 2" });
    expect(renamed).toMatchObject({
      summary: "A product made by a test",
      payWhatYouWant: true,
      suggestedPrice: { amount: 1500 },
    });
  });
});

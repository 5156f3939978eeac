import {
  ConflictError,
  DAY,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  userActor,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import {
  expirePendingOrders,
  ingestPaymentEvent,
  previewCheckout,
  startCheckout,
} from "@digistore/domain-orders";
import { paymentEvent } from "@digistore/domain-orders/testing";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDiscount } from "./create-discount";
import type { TCreateDiscountInput } from "./discounts.schemas";
import { getDiscount, listDiscounts } from "./get-discount";
import { setDiscountDisabled } from "./set-discount-disabled";
import { createTestDiscountsEnv, type TestDiscountsEnv } from "./testing";

describe.each(testDialects())("discount codes on %s", (dialect) => {
  let t: TestDb;
  let env: TestDiscountsEnv;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = await createTestDiscountsEnv(t);
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const create = (fields: Partial<TCreateDiscountInput> & Record<string, unknown> = {}) =>
    createDiscount(env.sellerCtx, {
      code: "SAVE20",
      kind: "percent",
      percentOff: 20,
      allProducts: true,
      ...fields,
    });
  const checkout = async (buyer: User, code: string | undefined, extra: object = {}) =>
    startCheckout(env.buyerCtx(buyer), {
      productSlug: env.product.slug,
      billingCountry: "DE",
      ...(code === undefined ? {} : { discountCode: code }),
      ...extra,
    });
  const orderRow = (orderId: string) =>
    t.db.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
  const refusalOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  };

  it("lowers the order's amount, shows the price before and after, and asks the provider for exactly it", async () => {
    await create();
    const buyer = await env.newBuyer();
    const preview = await previewCheckout(env.buyerCtx(buyer), {
      productSlug: env.product.slug,
      discountCode: "save20",
    });
    expect(preview.product.price).toEqual({ amount: 2000, currency: "USD" });
    expect(preview.discount).toMatchObject({
      code: "SAVE20",
      label: "20% off",
      price: { amount: 1600, currency: "USD" },
    });
    expect(preview.discountRefusal).toBeNull();

    const { orderId } = await checkout(buyer, "save20");
    expect(await orderRow(orderId)).toMatchObject({ amount: 1600, discount_code: "SAVE20" });
    expect(env.provider.checkouts.at(-1)).toMatchObject({
      price: { amount: 1600, currency: "USD" },
      // The provider accepts a store-set amount: its floor only has to stay below it.
      minimumPrice: { amount: 1, currency: "USD" },
    });
    await env.pay(orderId);
    expect((await orderRow(orderId)).status).toBe("paid");
    const [listed] = await listDiscounts(env.sellerCtx);
    expect(listed).toMatchObject({
      code: "SAVE20",
      redemptions: 1,
      holds: 0,
      revenue: [{ amount: 1600, currency: "USD" }],
    });
  });

  it("reads codes in any case and width, and leaves orders without one as they were", async () => {
    await create({ code: "Launch-2026" });
    for (const typed of [" launch-2026 ", "LAUNCH-2026", "ｌａｕｎｃｈ－２０２６"]) {
      const buyer = await env.newBuyer();
      const { orderId } = await checkout(buyer, typed);
      expect(await orderRow(orderId)).toMatchObject({ amount: 1600, discount_code: "LAUNCH-2026" });
    }
    const plain = await checkout(await env.newBuyer(), undefined);
    expect(await orderRow(plain.orderId)).toMatchObject({ amount: 2000, discount_code: null });
    expect(env.provider.checkouts.at(-1)).not.toHaveProperty("minimumPrice");
  });

  it("answers an unknown code, another seller's code and a code for other products alike", async () => {
    const other = (await createTestUser(t.db, { seller: true })).user;
    await createDiscount(env.ctxAs(other), {
      code: "OTHERS",
      kind: "percent",
      percentOff: 50,
      allProducts: true,
    });
    const second = await createPublishedProduct(env.catalog, env.seller.id, { title: "Fonts" });
    await create({ code: "FONTSONLY", allProducts: false, productIds: [second.id] });
    const buyer = await env.newBuyer();
    for (const code of ["NOSUCHCODE", "OTHERS", "FONTSONLY"]) {
      const error = await checkout(buyer, code).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe("This code does not apply to this product.");
    }
    // Malformed input is refused before any lookup.
    for (const code of ["", "a", "<script>", "x".repeat(65), "SAVE 20"]) {
      await expect(checkout(buyer, code)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await t.db.selectFrom("orders").select("id").execute()).toEqual([]);
  });

  it("covers a product only in the currencies a fixed-amount code names, and never to zero", async () => {
    await create({
      code: "FIVEOFF",
      kind: "fixed",
      amountsOff: [
        { currency: "USD", amount: 500 },
        { currency: "GBP", amount: 400 },
      ],
    } as never);
    await create({
      code: "TOOMUCH",
      kind: "fixed",
      amountsOff: [{ currency: "USD", amount: 2000 }],
    } as never);
    const euro = await createPublishedProduct(env.catalog, env.seller.id, {
      title: "Euro Pack",
      price: 3000,
      currency: "EUR",
    });
    const buyer = await env.newBuyer();
    const { orderId } = await checkout(buyer, "fiveoff");
    expect((await orderRow(orderId)).amount).toBe(1500);
    const preview = await previewCheckout(env.buyerCtx(buyer), {
      productSlug: euro.slug,
      discountCode: "FIVEOFF",
    });
    expect(preview.discount).toBeNull();
    expect(preview.discountRefusal).toBe("This code does not apply to this product.");
    expect(await refusalOf(checkout(await env.newBuyer(), "TOOMUCH"))).toBe(
      "This code cannot be used on this product.",
    );
  });

  it("refuses a code before it starts, after it ends, and once the seller stops it", async () => {
    const now = env.clock.now().getTime();
    await create({ code: "LATER", startsAt: new Date(now + DAY).toISOString() });
    await create({
      code: "OVER",
      startsAt: new Date(now - 2 * DAY).toISOString(),
      endsAt: new Date(now - 1).toISOString(),
    });
    const stopped = await create({ code: "STOPPED" });
    await setDiscountDisabled(env.sellerCtx, { discountId: stopped.id, disabled: true });
    const buyer = await env.newBuyer();
    expect(await refusalOf(checkout(buyer, "LATER"))).toBe("This code is not valid yet.");
    expect(await refusalOf(checkout(buyer, "OVER"))).toBe("This code has expired.");
    expect(await refusalOf(checkout(buyer, "STOPPED"))).toBe("This code is no longer valid.");
    env.clock.advance(DAY);
    expect((await orderRow((await checkout(buyer, "LATER")).orderId)).amount).toBe(1600);
    await setDiscountDisabled(env.sellerCtx, { discountId: stopped.id, disabled: false });
    expect((await getDiscount(env.sellerCtx, { discountId: stopped.id })).disabled).toBe(false);
  });

  it("holds a use from checkout, counts it when paid, and releases it when the order expires or fails", async () => {
    const code = await create({ code: "ONCE", maxRedemptions: 1 });
    const first = await env.newBuyer();
    const second = await env.newBuyer();
    const held = await checkout(first, "ONCE");
    expect((await getDiscount(env.sellerCtx, { discountId: code.id })).holds).toBe(1);
    expect(await refusalOf(checkout(second, "ONCE"))).toBe("This code has been used up.");
    // The holder trying again is not a second use.
    await checkout(first, "ONCE");

    env.clock.advance(DAY + 1);
    await expirePendingOrders(env.orders, {});
    expect((await getDiscount(env.sellerCtx, { discountId: code.id })).holds).toBe(0);
    const retaken = await checkout(second, "ONCE");
    await ingestPaymentEvent(
      env.orders,
      paymentEvent(retaken.orderId, {
        kind: "payment",
        status: "failed",
        amount: 1600,
        currency: "USD",
      }),
    );
    expect((await orderRow(retaken.orderId)).status).toBe("failed");
    const third = await env.newBuyer();
    const paid = await checkout(third, "ONCE");
    await env.pay(paid.orderId);
    expect(await getDiscount(env.sellerCtx, { discountId: code.id })).toMatchObject({
      redemptions: 1,
      holds: 0,
    });
    expect(await refusalOf(checkout(first, "ONCE"))).toBe("This code has been used up.");
    void held;
  });

  it("limits each customer to their own number of uses", async () => {
    await create({ code: "PERBUYER", perCustomerLimit: 1 });
    const second = await createPublishedProduct(env.catalog, env.seller.id, { title: "Brushes" });
    const buyer = await env.newBuyer();
    await env.pay((await checkout(buyer, "PERBUYER")).orderId);
    const error = await startCheckout(env.buyerCtx(buyer), {
      productSlug: second.slug,
      billingCountry: "DE",
      discountCode: "PERBUYER",
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("You have already used this code.");
    // Another customer still may.
    const other = await env.newBuyer();
    await startCheckout(env.buyerCtx(other), {
      productSlug: second.slug,
      billingCountry: "DE",
      discountCode: "PERBUYER",
    });
  });

  it("never lets concurrent checkouts use a code more often than its maximum", async () => {
    const code = await create({ code: "FIRST5", maxRedemptions: 5 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => env.newBuyer()));
    const results = await Promise.allSettled(buyers.map((b) => checkout(b, "FIRST5")));
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(placed).toHaveLength(5);
    for (const r of refused) {
      const reason = r.reason as Error;
      expect(reason instanceof ConflictError || reason instanceof ValidationError).toBe(true);
      expect(reason.message).toMatch(/used up/);
    }
    const withCode = await t.db
      .selectFrom("orders")
      .select("id")
      .where("discount_code", "=", "FIRST5")
      .execute();
    expect(withCode).toHaveLength(5);
    expect((await getDiscount(env.sellerCtx, { discountId: code.id })).holds).toBe(5);
  });

  it("lowers a pay-what-you-want minimum and suggestion; the buyer pays at least the new minimum", async () => {
    const pwyw = await createPublishedProduct(env.catalog, env.seller.id, {
      title: "Sound Kit",
      price: 1000,
      payWhatYouWant: true,
      suggestedPrice: 2500,
    });
    await create({ code: "HALF", percentOff: 50 });
    const buyer = await env.newBuyer();
    const preview = await previewCheckout(env.buyerCtx(buyer), {
      productSlug: pwyw.slug,
      discountCode: "HALF",
    });
    expect(preview.discount).toMatchObject({
      price: { amount: 500 },
      suggestedPrice: { amount: 1250 },
    });
    const at = (amount: number | undefined) =>
      startCheckout(env.buyerCtx(buyer), {
        productSlug: pwyw.slug,
        billingCountry: "DE",
        discountCode: "HALF",
        ...(amount === undefined ? {} : { amount }),
      });
    expect(await refusalOf(at(499))).toBe("Pay at least $5.00 for this product.");
    const { orderId } = await at(750);
    expect(await orderRow(orderId)).toMatchObject({ amount: 750, discount_code: "HALF" });
    expect(env.provider.checkouts.at(-1)).toMatchObject({
      price: { amount: 750 },
      minimumPrice: { amount: 1 },
    });
  });

  it("reports revenue net of refunds, per currency", async () => {
    const euro = await createPublishedProduct(env.catalog, env.seller.id, {
      title: "Euro Pack",
      price: 3000,
      currency: "EUR",
    });
    await create({ code: "TENOFF", percentOff: 10, perCustomerLimit: null });
    const buyer = await env.newBuyer();
    const usd = (await checkout(buyer, "TENOFF")).orderId;
    await env.pay(usd);
    const eur = (
      await startCheckout(env.buyerCtx(buyer), {
        productSlug: euro.slug,
        billingCountry: "DE",
        discountCode: "TENOFF",
      })
    ).orderId;
    await env.pay(eur);
    await ingestPaymentEvent(
      env.orders,
      paymentEvent(usd, { kind: "refund", refundId: "rfd_1", status: "succeeded", amount: 800 }),
    );
    const [listed] = await listDiscounts(env.sellerCtx);
    expect(listed!.redemptions).toBe(2);
    expect(listed!.revenue).toEqual(
      expect.arrayContaining([
        { amount: 1000, currency: "USD" },
        { amount: 2700, currency: "EUR" },
      ]),
    );
    const detail = await getDiscount(env.sellerCtx, { discountId: listed!.id });
    expect(detail.recent.map((r) => r.productTitle).sort()).toEqual(["Euro Pack", "Icon Pack"]);
  });

  it("lets only sellers create codes, for their own products, with terms that make sense", async () => {
    const customer = await env.newBuyer();
    await expect(
      createDiscount(
        { ...env.sellerCtx, actor: userActor(customer) },
        {
          code: "MINE",
          kind: "percent",
          percentOff: 10,
          allProducts: true,
        },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const other = (await createTestUser(t.db, { seller: true })).user;
    await expect(
      createDiscount(env.ctxAs(other), {
        code: "STEAL",
        kind: "percent",
        percentOff: 10,
        allProducts: false,
        productIds: [env.product.id],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await create({ code: "TAKEN" });
    const bad: Record<string, unknown>[] = [
      { code: "taken" },
      { percentOff: 100 },
      { percentOff: 0 },
      { percentOff: 12.5 },
      { allProducts: false, productIds: [] },
      { startsAt: "2026-12-10T00:00:00Z", endsAt: "2026-12-09T00:00:00Z" },
      { maxRedemptions: 0 },
      { kind: "fixed", amountsOff: [] },
      { kind: "fixed", amountsOff: [{ currency: "USD", amount: 0 }] },
      { kind: "fixed", amountsOff: [{ currency: "XYZ", amount: 100 }] },
      {
        kind: "fixed",
        amountsOff: [
          { currency: "USD", amount: 1 },
          { currency: "usd", amount: 2 },
        ],
      },
      { kind: "bogus" },
    ];
    for (const fields of bad) {
      await expect(create({ code: "FRESH", ...fields })).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await listDiscounts(env.sellerCtx)).toHaveLength(1);
    // Another seller may have the same code: codes are per seller.
    await createDiscount(env.ctxAs(other), {
      code: "TAKEN",
      kind: "percent",
      percentOff: 10,
      allProducts: true,
    });
    await expect(
      getDiscount(env.ctxAs(other), { discountId: (await listDiscounts(env.sellerCtx))[0]!.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

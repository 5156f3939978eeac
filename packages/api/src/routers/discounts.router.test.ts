import { testDialects } from "@digistore/db/testing";
import { createPublishedProduct, createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { createSignedInUser } from "@digistore/domain-users/testing";
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../testing";

describe.each(testDialects())("the discounts API on %s", (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi(dialect);
  });
  afterEach(() => api.close());

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "ok",
      (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
    );
  const count = async (table: "discount_codes" | "orders") =>
    (await api.testDb.db.selectFrom(table).select("id").execute()).length;

  it("lets a seller make codes a buyer applies at checkout, and no one else touch them", async () => {
    const seller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
    const otherSeller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
    const buyer = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const product = await createPublishedProduct(
      { ...createTestCatalogDeps(api.testDb, { clock: api.clock }), storage: api.services.storage },
      seller.user.id,
      { price: 4000 },
    );
    const terms = { code: "spring25", kind: "percent" as const, percentOff: 25, allProducts: true };

    expect(await codeOf(api.caller().seller.discounts.create(terms))).toBe("UNAUTHORIZED");
    expect(await codeOf(api.caller(buyer.token).seller.discounts.create(terms))).toBe("FORBIDDEN");
    expect(
      await codeOf(api.caller(seller.token).seller.discounts.create({ ...terms, percentOff: 100 })),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        api.caller(seller.token).seller.discounts.create({ ...terms, kind: "coupon" } as never),
      ),
    ).toBe("BAD_REQUEST");
    expect(await count("discount_codes")).toBe(0);

    const code = await api.caller(seller.token).seller.discounts.create(terms);
    expect(code).toMatchObject({
      code: "SPRING25",
      redemptions: 0,
      products: [{ id: product.id }],
    });
    expect(
      await codeOf(api.caller(otherSeller.token).seller.discounts.get({ discountId: code.id })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        api
          .caller(otherSeller.token)
          .seller.discounts.setDisabled({ discountId: code.id, disabled: true }),
      ),
    ).toBe("NOT_FOUND");

    const preview = await api
      .caller(buyer.token)
      .checkout.preview({ productSlug: product.slug, discountCode: "Spring25" });
    expect(preview.discount).toMatchObject({ label: "25% off", price: { amount: 3000 } });
    expect(
      await codeOf(
        api.caller(buyer.token).checkout.start({
          productSlug: product.slug,
          billingCountry: "DE",
          discountCode: "NOPE1",
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await count("orders")).toBe(0);
    await api.caller(buyer.token).checkout.start({
      productSlug: product.slug,
      billingCountry: "DE",
      discountCode: "spring25",
    });
    const [order] = await api.testDb.db.selectFrom("orders").selectAll().execute();
    expect(order).toMatchObject({ amount: 3000, discount_code: "SPRING25" });
    expect((await api.caller(seller.token).seller.discounts.list())[0]).toMatchObject({ holds: 1 });
  });
});

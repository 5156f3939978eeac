import { testDialects } from "@digistore/db/testing";
import { createDodoEmulator } from "@digistore/dodo-emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDodoProvider } from "./dodo-provider";
import {
  API_KEY,
  checkoutRequest,
  insertProduct,
  startDodoHarness,
  type DodoHarness,
} from "./testing/harness";

describe.each(testDialects())("a provider product Dodo no longer knows, on %s", (dialect) => {
  let h: DodoHarness;
  beforeEach(async () => {
    h = await startDodoHarness(dialect);
  });
  afterEach(() => h.close());

  it("is created again and the checkout still opens", async () => {
    const product = await insertProduct(h.db);
    const request = {
      orderId: "0190f0f0-0000-7000-8000-000000000001",
      kind: "product" as const,
      product,
      price: { amount: 1999, currency: "USD" },
      customer: { email: "buyer@example.com", name: "Buyer" },
      billing: { country: "DE" },
      returnUrl: "http://store.test/checkout/return",
      cancelUrl: "http://store.test/products/pixel-icons",
    };
    await h.provider.createCheckout(request);
    const before = await h.db.db
      .selectFrom("provider_products")
      .select("provider_product_id")
      .executeTakeFirstOrThrow();

    // A fresh Dodo (another emulator) has never heard of the cached product id.
    const fresh = createDodoEmulator({ apiKey: API_KEY, webhookSecret: h.secret });
    const { url } = await fresh.listen();
    try {
      const provider = createDodoProvider({
        db: h.db.db,
        clock: h.clock,
        apiKey: API_KEY,
        webhookKey: h.secret,
        baseUrl: url,
      });
      const session = await provider.createCheckout({
        ...request,
        orderId: "0190f0f0-0000-7000-8000-000000000002",
      });
      expect(session.redirectUrl).toContain(url);
      const after = await h.db.db
        .selectFrom("provider_products")
        .select("provider_product_id")
        .execute();
      expect(after).toHaveLength(1);
      expect(after[0]?.provider_product_id).not.toBe(before.provider_product_id);
    } finally {
      await fresh.close();
    }
  });

  it("item 4: is not re-created when Dodo refuses the checkout for another reason", async () => {
    const product = await insertProduct(h.db);
    const request = checkoutRequest(product);
    await h.provider.createCheckout(request);
    const before = await h.db.db.selectFrom("provider_products").selectAll().execute();

    // A 4xx that is not "unknown product": Dodo does not know the (historic) country DD.
    const refused = h.provider.createCheckout({ ...request, billing: { country: "DD" } });
    await expect(refused).rejects.toThrow(/could not create the checkout session: 422/);
    expect(await h.db.db.selectFrom("provider_products").selectAll().execute()).toEqual(before);
    expect((await h.client.products.list()).items).toHaveLength(1);
  });
});

import { testDialects } from "@digistore/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findProviderProductRow } from "./provider-products.repository";
import { providerProductName, syncProduct, type SyncProductDeps } from "./sync-product";
import { createDodoClient } from "./dodo-client";
import { API_KEY, insertProduct, startDodoHarness, type DodoHarness } from "./testing/harness";

describe.each(testDialects())("syncProduct on %s", (dialect) => {
  let h: DodoHarness;
  let deps: SyncProductDeps;
  let product: { id: string; title: string };
  beforeEach(async () => {
    h = await startDodoHarness(dialect);
    deps = {
      db: h.db.db,
      clock: h.clock,
      client: createDodoClient({ apiKey: API_KEY, webhookKey: h.secret, baseUrl: h.emulator.url }),
    };
    product = await insertProduct(h.db, { title: "Pixel Icons" });
  });
  afterEach(() => h.close());

  const usd = (amount: number) => ({ amount, currency: "USD" });
  const rows = () => h.db.db.selectFrom("provider_products").selectAll().execute();
  const dodoProducts = async () => (await h.client.products.list()).items;

  it("creates the Dodo product on first use and records the mapping", async () => {
    const dodoId = await syncProduct(deps, {
      productId: product.id,
      kind: "product",
      payWhatYouWant: false,
      title: product.title,
      price: usd(1999),
    });
    expect(dodoId).toMatch(/^pdt_/);
    expect(await rows()).toEqual([
      {
        provider: "dodo",
        product_id: product.id,
        kind: "product",
        provider_product_id: dodoId,
        amount: 1999,
        currency: "USD",
        name: "Pixel Icons",
        pay_what_you_want: 0,
        synced_at: "2026-11-21T10:00:00.000Z",
      },
    ]);
    const remote = await h.client.products.retrieve(dodoId);
    expect(remote).toMatchObject({
      name: "Pixel Icons",
      tax_category: "digital_products",
      is_recurring: false,
      price: { type: "one_time_price", price: 1999, currency: "USD", discount: 0 },
      metadata: { product_id: product.id, kind: "product" },
    });
  });

  it("re-syncs a product that switches to pay what you want, with its price as the minimum", async () => {
    const fixed = { productId: product.id, kind: "product" as const, title: product.title };
    const first = await syncProduct(deps, { ...fixed, payWhatYouWant: false, price: usd(1999) });
    const second = await syncProduct(deps, { ...fixed, payWhatYouWant: true, price: usd(1999) });
    expect(second).toBe(first);
    expect(await h.client.products.retrieve(first)).toMatchObject({
      price: { type: "one_time_price", price: 1999, pay_what_you_want: true },
    });
    expect((await rows())[0]).toMatchObject({ amount: 1999, pay_what_you_want: 1 });
  });

  it("reuses the Dodo product while price and name are unchanged", async () => {
    const input = {
      productId: product.id,
      kind: "product" as const,
      payWhatYouWant: false,
      title: product.title,
      price: usd(1999),
    };
    const first = await syncProduct(deps, input);
    h.clock.advance(60_000);
    expect(await syncProduct(deps, input)).toBe(first);
    expect(await dodoProducts()).toHaveLength(1);
    expect((await rows())[0]!.synced_at).toBe("2026-11-21T10:00:00.000Z");
  });

  it("updates the Dodo product and the row when the price, currency or title changes", async () => {
    const first = await syncProduct(deps, {
      productId: product.id,
      kind: "product",
      payWhatYouWant: false,
      title: product.title,
      price: usd(1999),
    });
    h.clock.advance(60_000);
    const second = await syncProduct(deps, {
      productId: product.id,
      kind: "product",
      payWhatYouWant: false,
      title: "Pixel Icons Pro",
      price: { amount: 2500, currency: "EUR" },
    });
    expect(second).toBe(first);
    expect(await dodoProducts()).toHaveLength(1);
    expect(await h.client.products.retrieve(first)).toMatchObject({
      name: "Pixel Icons Pro",
      price: { type: "one_time_price", price: 2500, currency: "EUR" },
    });
    expect(await rows()).toEqual([
      expect.objectContaining({
        amount: 2500,
        currency: "EUR",
        name: "Pixel Icons Pro",
        synced_at: "2026-11-21T10:01:00.000Z",
      }),
    ]);
  });

  it("keeps a separate Dodo product for paid support, named as such", async () => {
    const forProduct = await syncProduct(deps, {
      productId: product.id,
      kind: "product",
      payWhatYouWant: false,
      title: product.title,
      price: usd(1999),
    });
    const forSupport = await syncProduct(deps, {
      productId: product.id,
      kind: "support",
      payWhatYouWant: false,
      title: product.title,
      price: usd(999),
    });
    expect(forSupport).not.toBe(forProduct);
    expect(await h.client.products.retrieve(forSupport)).toMatchObject({
      name: "Support: Pixel Icons",
      price: { price: 999 },
    });
    const support = await findProviderProductRow(h.db.db, {
      provider: "dodo",
      productId: product.id,
      kind: "support",
    });
    expect(support).toMatchObject({
      provider_product_id: forSupport,
      name: "Support: Pixel Icons",
      amount: 999,
    });
    expect(await rows()).toHaveLength(2);
  });

  it("records one mapping when first checkouts race, and every caller uses it", async () => {
    const input = {
      productId: product.id,
      kind: "product" as const,
      payWhatYouWant: false,
      title: product.title,
      price: usd(1999),
    };
    const ids = await Promise.all([
      syncProduct(deps, input),
      syncProduct(deps, input),
      syncProduct(deps, input),
    ]);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(ids).toEqual([
      all[0]!.provider_product_id,
      all[0]!.provider_product_id,
      all[0]!.provider_product_id,
    ]);
  });

  it("ends with the row and Dodo agreeing when racing checkouts want different prices", async () => {
    await syncProduct(deps, {
      productId: product.id,
      kind: "product",
      payWhatYouWant: false,
      title: product.title,
      price: usd(1000),
    });
    await Promise.all(
      [1500, 2000, 2500].map((amount) =>
        syncProduct(deps, {
          productId: product.id,
          kind: "product",
          payWhatYouWant: false,
          title: product.title,
          price: usd(amount),
        }),
      ),
    );
    const [row] = await rows();
    const remote = await h.client.products.retrieve(row!.provider_product_id);
    expect(remote.price).toMatchObject({ price: row!.amount, currency: row!.currency });
    expect([1500, 2000, 2500]).toContain(row!.amount);
  });

  it("turns a price Dodo refuses into a plain Error and records nothing", async () => {
    const error: unknown = await syncProduct(deps, {
      productId: product.id,
      kind: "product",
      payWhatYouWant: false,
      title: product.title,
      price: { amount: 1999, currency: "XXX" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toMatch(/^Dodo Payments could not create the product: 422 /);
    expect(await rows()).toEqual([]);
  });

  it("names support products after the product", () => {
    expect(providerProductName("Pixel Icons", "product")).toBe("Pixel Icons");
    expect(providerProductName("Pixel Icons", "support")).toBe("Support: Pixel Icons");
  });
});

import type { TestApi } from "@digistore/api/testing";
import { testDialects } from "@digistore/db/testing";
import { createPublishedProduct, createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { createTestOrder } from "@digistore/domain-orders/testing";
import { createSignedInUser, createTestUser } from "@digistore/domain-users/testing";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./session-cookie";
import { startTestHttpApp, type TestHttpApp } from "./test-http-app";

describe.each(testDialects())("the seller's orders CSV on %s", (dialect) => {
  let app: TestHttpApp;
  let api: TestApi;
  let base: string;

  beforeEach(async () => {
    app = await startTestHttpApp(dialect);
    ({ api, base } = app);
  });
  afterEach(() => app.close());

  async function sellerWithOrders(count: number) {
    const catalog = createTestCatalogDeps(api.testDb, { clock: api.clock });
    const seller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
    const product = await createPublishedProduct(catalog, seller.user.id, {
      title: "@SUM(1+1) Icons",
      price: 1250,
    });
    // A buyer whose name a spreadsheet would run, and one with a comma, quotes and an accent.
    const names = ['=HYPERLINK("http://evil.example","x")', 'Zoë "Z", Jones'];
    for (let i = 0; i < count; i++) {
      const buyer = (await createTestUser(api.testDb.db, { displayName: names[i % 2]! })).user;
      await createTestOrder(api.testDb.db, {
        userId: buyer.id,
        productId: product.id,
        amount: 1250,
        status: "paid",
        at: new Date(api.clock.now().getTime() - i * 1000),
      });
    }
    return { cookie: `${SESSION_COOKIE}=${seller.token}`, product };
  }

  const get = (path: string, cookie?: string) =>
    fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });

  it("streams every matching order as RFC 4180 CSV, formula cells neutralised", async () => {
    // More than one export batch (2,000 rows), so the stream is read in several.
    const { cookie } = await sellerWithOrders(2_100);
    const response = await get("/seller/orders.csv", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    // A UTF-8 byte order mark, which fetch's text() would hide.
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.slice(1).startsWith("order_id,placed_at")).toBe(true);
    expect(text.includes("\r\n")).toBe(true);
    const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(rows).toHaveLength(2_100);
    expect(new Set(rows.map((r) => r.order_id)).size).toBe(2_100);
    expect(rows[0]).toMatchObject({
      product: "'@SUM(1+1) Icons",
      buyer_name: '\'=HYPERLINK("http://evil.example","x")',
      currency: "USD",
      amount: "12.50",
      refunded: "0.00",
      net: "12.50",
      status: "paid",
    });
    expect(rows[1]?.buyer_name).toBe('Zoë "Z", Jones');
    // Newest first, as the orders page lists them.
    expect(rows[0]!.placed_at! > rows[1]!.placed_at!).toBe(true);
  });

  it("keeps the filters of the page, and refuses bad ones, strangers and customers", async () => {
    const { cookie, product } = await sellerWithOrders(3);
    const filtered = await get(
      `/seller/orders.csv?productId=${product.id}&status=refunded`,
      cookie,
    );
    const rows = parse<Record<string, string>>(await filtered.text(), { bom: true, columns: true });
    expect(rows).toEqual([]);
    const bad = await get("/seller/orders.csv?from=2026-02-30", cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("real date");
    const twice = await get("/seller/orders.csv?status=paid&status=all", cookie);
    expect(twice.status).toBe(400);
    expect((await get("/seller/orders.csv")).status).toBe(401);
    const customer = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const forCustomer = await get("/seller/orders.csv", `${SESSION_COOKIE}=${customer.token}`);
    expect(forCustomer.status).toBe(403);
  });

  it("sends the seller's customers as CSV, formula names neutralised, for the seller alone", async () => {
    const { cookie } = await sellerWithOrders(4);
    const response = await get("/seller/customers.csv?search=", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="customers-/);
    const rows = parse<Record<string, string>>(await response.text(), { bom: true, columns: true });
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.name).sort()).toEqual([
      '\'=HYPERLINK("http://evil.example","x")',
      '\'=HYPERLINK("http://evil.example","x")',
      'Zoë "Z", Jones',
      'Zoë "Z", Jones',
    ]);
    expect(rows[0]).toMatchObject({ orders: "1", spent: "12.50 USD" });
    expect((await get("/seller/customers.csv")).status).toBe(401);
    const long = await get(`/seller/customers.csv?search=${"x".repeat(201)}`, cookie);
    expect(long.status).toBe(400);
  });
});

import { testDialects } from "@digistore/db/testing";
import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, watchForPageProblems } from "../support/browser";
import { customer, sellerWithProduct } from "../support/catalog-fixtures";
import { buyProduct } from "../support/checkout-flows";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("the seller dashboard in a browser (%s)", (dialect) => {
  let store: TestStore;
  let productSlug: string;
  beforeAll(async () => {
    store = await startTestStore(dialect);
    const { product } = await sellerWithProduct(store, {
      email: "maker@example.com",
      title: "Orbit Framework",
      price: 3000,
      content: Buffer.from("framework"),
    });
    productSlug = product.slug;
    await customer(store, "fan@example.com");
  });
  afterAll(() => store?.stop());

  it("shows a sale the moment its webhook lands, and switches range and product in place", async () => {
    const seller = await browser.newPage();
    const problems = watchForPageProblems(seller);
    await logIn(seller, store.url, "maker@example.com", "seller password");
    await seller.click("header >> text=Dashboard");
    await seller.waitForURL(`${store.url}/seller`);
    expect(await seller.getByTestId("dashboard-sales").textContent()).toBe("0");
    expect(await seller.getByTestId("dashboard-net").textContent()).toBe("—");

    const buyer = await browser.newPage();
    await logIn(buyer, store.url, "fan@example.com", "customer password");
    await buyProduct(buyer, store.url, productSlug);
    await buyer.close();

    await seller.reload();
    expect(await seller.getByTestId("dashboard-sales").textContent()).toBe("1");
    expect(await seller.getByTestId("dashboard-net").textContent()).toBe("$30.00");
    expect(await seller.getByTestId("dashboard-customers").textContent()).toBe("1");
    expect(await seller.getByTestId("recent-orders").textContent()).toContain("fan@example.com");
    expect(await seller.getByTestId("top-products").textContent()).toContain("Orbit Framework");
    // The sales chart carries its numbers for screen readers: today has one sale.
    const today = new Date().toISOString().slice(0, 10);
    const salesTable = seller.locator("figure", {
      has: seller.locator("caption", { hasText: "Sales per day" }),
    });
    expect(await salesTable.locator("tr", { hasText: today }).textContent()).toBe(`${today}1`);

    // Range and product switches ask the API from the page: no navigation, no loader.
    await seller.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
    const asked = seller.waitForResponse((r) => r.url().includes("/api/trpc/seller.dashboard"));
    await seller.click(".range-switch >> text=7 days");
    await asked;
    await expect.poll(() => salesTable.locator("tbody tr").count()).toBe(7);
    expect(seller.url()).toBe(`${store.url}/seller?days=7`);
    const product = seller.waitForResponse((r) => r.url().includes("/api/trpc/seller.dashboard"));
    await seller.selectOption("[data-testid=dashboard-product]", { label: "Orbit Framework" });
    await product;
    await expect.poll(() => seller.url()).toMatch(/[?&]product=/);
    expect(await seller.getByTestId("dashboard-sales").textContent()).toBe("1");
    expect(await seller.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
    expect(problems).toEqual([]);
    await seller.close();
  });

  it("refunds a sale from its order page after a confirmation: net revenue falls and access ends", async () => {
    const seller = await browser.newPage();
    const problems = watchForPageProblems(seller);
    await logIn(seller, store.url, "maker@example.com", "seller password");
    await seller.goto(`${store.url}/seller/orders`);
    await seller.getByTestId("seller-orders").getByRole("link").first().click();
    await seller.waitForURL(/\/seller\/orders\/[^/]+$/);
    expect(await seller.getByTestId("order-access").textContent()).toBe("Owns the product");
    // No reason: refused where it belongs, nothing asked of the provider.
    await seller.click("button:text-is('Review refund')");
    await seller.locator(".field-error", { hasText: "Say why in a few words" }).waitFor();
    await seller.fill("#amount", "40");
    await seller.fill("#reason", "The buyer could not open the file");
    await seller.click("button:text-is('Review refund')");
    await seller
      .locator(".field-error", { hasText: "At most $30.00 is left to refund." })
      .waitFor();
    await seller.fill("#amount", "");
    await seller.fill("#reason", "The buyer could not open the file");
    await seller.click("button:text-is('Review refund')");
    await seller
      .getByTestId("refund-confirm")
      .getByText("Refund $30.00 to fan@example.com?")
      .waitFor();
    await seller.click("button:text-is('Refund $30.00')");
    await seller.getByText("Refund requested from the payment provider.").waitFor();
    // The provider's refund event revokes access; the click itself wrote nothing.
    await expect
      .poll(async () => {
        await seller.reload();
        return seller.getByTestId("order-access").textContent();
      })
      .toBe("Revoked");
    expect(await seller.getByTestId("order-refunded").textContent()).toBe("$30.00");

    await seller.goto(`${store.url}/seller`);
    expect(await seller.getByTestId("dashboard-net").textContent()).toBe("$0.00");
    expect(await seller.getByTestId("dashboard-refund-rate").textContent()).toBe("100.0%");

    // The orders CSV downloads and reads back.
    await seller.goto(`${store.url}/seller/orders?status=refunded`);
    const [download] = await Promise.all([
      seller.waitForEvent("download"),
      seller.click("text=Download CSV"),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(rows.map((r) => [r.product, r.buyer_email, r.status, r.net])).toEqual([
      ["Orbit Framework", "fan@example.com", "refunded", "0.00"],
    ]);
    // The two refused reviews answered 400, as a refused form does; nothing else went wrong.
    expect(problems).toEqual(Array(2).fill(expect.stringContaining("status of 400")));
    await seller.close();

    const buyer = await browser.newPage();
    await logIn(buyer, store.url, "fan@example.com", "customer password");
    await buyer.goto(`${store.url}/library`);
    await buyer.getByText("Access revoked (refunded).").waitFor();
    expect(await buyer.getByRole("button", { name: /Download/ }).count()).toBe(0);
    await buyer.close();
  });

  it("works without JavaScript: ranges are links, a custom range is a form, a bad one says why", async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await logIn(page, store.url, "maker@example.com", "seller password");
    await page.goto(`${store.url}/seller?days=90`);
    const sales = page.locator("figure", {
      has: page.locator("caption", { hasText: "Sales per day" }),
    });
    expect(await sales.locator("tbody tr").count()).toBe(90);
    expect(await page.locator(".range-switch [aria-current=true]").textContent()).toBe("90 days");
    await page.fill("input[name=from]", "2026-01-01");
    await page.fill("input[name=to]", "2026-01-10");
    await page.click("button:text-is('Show')");
    await page.waitForURL(/from=2026-01-01/);
    expect(await sales.locator("tbody tr").count()).toBe(10);
    expect(await page.getByTestId("dashboard-range").textContent()).toContain(
      "2026-01-01 to 2026-01-10",
    );
    await page.goto(`${store.url}/seller?from=2026-02-10&to=2026-02-01`);
    await page
      .getByRole("alert")
      .getByText("The start date must be on or before the end date.")
      .waitFor();
    expect(await sales.locator("tbody tr").count()).toBe(30);
    await plain.close();
  });

  it("counts days in the zone the seller sets on their account", async () => {
    const page = await browser.newPage();
    await logIn(page, store.url, "maker@example.com", "seller password");
    await page.goto(`${store.url}/account`);
    await page.selectOption("[data-testid=timezone]", "Asia/Tokyo");
    await page.click("button:text-is('Save time zone')");
    await page.getByText("Days now count in Asia/Tokyo.").waitFor();
    await page.goto(`${store.url}/seller`);
    expect(await page.getByTestId("dashboard-range").textContent()).toContain("Asia/Tokyo");
    expect(await page.getByTestId("dashboard-sales").textContent()).toBe("1");
    await page.close();
  });
});

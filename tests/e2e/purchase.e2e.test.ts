import { testDialects } from "@digistore/db/testing";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, watchForPageProblems } from "../support/browser";
import { customer, sellerWithProduct } from "../support/catalog-fixtures";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("buying in a browser (%s)", (dialect) => {
  let store: TestStore;
  const content = randomBytes(256 * 1024);
  beforeAll(async () => {
    store = await startTestStore(dialect);
    await sellerWithProduct(store, {
      email: "maker@example.com",
      title: "Nebula Shaders",
      price: 2400,
      content,
    });
    await customer(store, "buyer@example.com");
  });
  afterAll(() => store?.stop());

  it("buys on the emulator's hosted page, waits for the webhook, downloads the exact file", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    await logIn(page, store.url, "buyer@example.com", "customer password");
    await page.goto(`${store.url}/products/nebula-shaders`);
    await page.click("text=Buy now");
    await page.waitForURL(`${store.url}/checkout/nebula-shaders`);
    await expect(page.getByTestId("checkout-total").textContent()).resolves.toBe("$24.00");
    await page.selectOption("#country", "DE");
    await page.click("text=Continue to secure payment");

    // The provider's hosted page (the emulator, mounted at /_dodo).
    await page.waitForURL(/\/_dodo\/checkout\//);
    await page.getByText("Nebula Shaders").first().waitFor();
    await page.click("button:has-text('Pay')");

    await page.waitForURL(/\/checkout\/return\?order=/);
    const status = page.getByTestId("order-status");
    await status.and(page.locator("[data-status=paid]")).waitFor({ timeout: 15_000 });
    await page.getByText("Thank you — it's yours").waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("button:has-text('Download')"),
    ]);
    expect(download.suggestedFilename()).toBe("bundle.zip");
    const saved = readFileSync(await download.path());
    expect(createHash("sha256").update(saved).digest("hex")).toBe(
      createHash("sha256").update(content).digest("hex"),
    );

    await page.goto(`${store.url}/library`);
    await page.getByTestId("library-item").getByText("Nebula Shaders").waitFor();
    await page.goto(`${store.url}/orders`);
    await expect(page.getByTestId("orders").textContent()).resolves.toContain("Paid");
    await page.goto(`${store.url}/products/nebula-shaders`);
    await page.locator("button:has-text('Download')").waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a declined payment as failed and grants nothing", async () => {
    await customer(store, "decliner@example.com");
    const page = await browser.newPage();
    await logIn(page, store.url, "decliner@example.com", "customer password");
    await page.goto(`${store.url}/checkout/nebula-shaders`);
    await page.selectOption("#country", "FR");
    await page.click("text=Continue to secure payment");
    await page.waitForURL(/\/_dodo\/checkout\//);
    await page.click("button:has-text('Decline')");
    await page.waitForURL(/\/checkout\/return\?order=/);
    await page.locator("[data-status=failed]").waitFor({ timeout: 15_000 });
    await page.goto(`${store.url}/library`);
    await page.getByText("Nothing here yet.").waitFor();
    await page.close();
  });
});

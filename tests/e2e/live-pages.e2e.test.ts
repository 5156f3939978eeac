import { testDialects } from "@digistore/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, watchForPageProblems } from "../support/browser";
import { customer, sellerWithProduct } from "../support/catalog-fixtures";
import { buyProduct, continueToPayment, openPaidSupportRequest } from "../support/checkout-flows";
import { emulatorControl } from "../support/emulator-control";
import { watchSameDocument } from "../support/same-document";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages that change while they are open, through the typed tRPC client (ADR 0007). */
describe.each(testDialects())("live pages in a browser (%s)", (dialect) => {
  let store: TestStore;
  let productId: string;
  beforeAll(async () => {
    store = await startTestStore(dialect);
    const { product } = await sellerWithProduct(store, {
      email: "maker@example.com",
      title: "Nebula Shaders",
      price: 2400,
      supportPrice: 4900,
      content: Buffer.from("shaders"),
    });
    productId = product.id;
    await customer(store, "buyer@example.com");
  });
  afterAll(() => store?.stop());

  it("the return page turns to paid with a download once the webhook lands, without a reload", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    await logIn(page, store.url, "buyer@example.com", "customer password");
    await page.goto(`${store.url}/checkout/nebula-shaders`);
    // The bank keeps the payment "processing", so the page is seen waiting for the webhook.
    const emulator = emulatorControl(store);
    const payment = await emulator.process(await continueToPayment(page, "DE"));
    await page.goto(`${store.url}/checkout/return?order=${payment.metadata.order_id}`);
    await page.locator("[data-testid=order-status][data-status=pending]").waitFor();

    const watch = await watchSameDocument(page);
    await page.waitForResponse((r) => r.url().includes("/api/trpc/checkout.status"));
    await emulator.settle(payment.payment_id, "succeeded");
    await page.locator("[data-testid=order-status][data-status=paid]").waitFor({ timeout: 15_000 });
    await page.getByText("Thank you — it's yours").waitFor();
    expect(await watch.stillSameDocument()).toBe(true);
    expect(watch.loaderFetches()).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("button:has-text('Download')"),
    ]);
    expect(download.suggestedFilename()).toBe("bundle.zip");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the product editor previews the description as the seller types, as the product page shows it", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    await logIn(page, store.url, "maker@example.com", "seller password");
    await page.goto(`${store.url}/seller/products/new`);
    const preview = page.getByTestId("description-preview");
    await page.getByText("Nothing to preview yet.").waitFor();

    const watch = await watchSameDocument(page);
    await page.locator("#description").pressSequentially("# Launch notes\n\nNow with **bold** ");
    await preview.locator("h1", { hasText: "Launch notes" }).waitFor();
    await preview.locator("strong", { hasText: "bold" }).waitFor();
    await page.locator("#description").pressSequentially("shaders <img src=x onerror=alert(1)>");
    await preview.getByText("shaders <img src=x onerror=alert(1)>").waitFor();
    expect(await preview.locator("img").count()).toBe(0);
    expect(await watch.stillSameDocument()).toBe(true);
    expect(watch.apiFetches("seller.products.previewDescription").length).toBeGreaterThan(0);

    // Saved, the product page shows exactly what the preview showed.
    await page.goto(`${store.url}/seller/products/${productId}`);
    await page.fill("#description", "Works with [Godot](https://godotengine.org) *and* Unity.");
    await preview.locator("a", { hasText: "Godot" }).waitFor();
    const previewed = await preview.innerHTML();
    await page.click("text=Save details");
    await page.getByText("Saved.").waitFor();
    await page.goto(`${store.url}/products/nebula-shaders`);
    expect(await page.locator("section.description > div").innerHTML()).toBe(previewed);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a reply from the other party appears in an open support thread without a reload", async () => {
    const buyer = await browser.newPage();
    const seller = await browser.newPage();
    const problems = { buyer: watchForPageProblems(buyer), seller: watchForPageProblems(seller) };
    await customer(store, "asker@example.com");
    await logIn(buyer, store.url, "asker@example.com", "customer password");
    await buyProduct(buyer, store.url, "nebula-shaders");
    await openPaidSupportRequest(buyer, store.url, {
      subject: "Banding on gradients",
      message: "The sky shader shows bands on 8-bit displays.",
    });
    await buyer.goto(`${store.url}/supports`);
    await buyer.click("text=Banding on gradients");
    await logIn(seller, store.url, "maker@example.com", "seller password");
    await seller.goto(`${store.url}/seller/support`);
    await seller.click("text=Banding on gradients");
    await seller.getByText("The sky shader shows bands on 8-bit displays.").waitFor();

    const buyerWatch = await watchSameDocument(buyer);
    await seller.fill("#body", "Enable dithering in the material settings.");
    await seller.click("text=Send reply");
    await buyer
      .getByText("Enable dithering in the material settings.")
      .waitFor({ timeout: 15_000 });
    await buyer.locator("[data-testid=support-thread][data-status=answered]").waitFor();
    expect(await buyerWatch.stillSameDocument()).toBe(true);
    expect(buyerWatch.apiFetches("support.thread").length).toBeGreaterThan(0);

    const sellerWatch = await watchSameDocument(seller);
    await buyer.fill("#body", "Dithering fixed it, thanks!");
    await buyer.click("text=Send reply");
    await seller.getByText("Dithering fixed it, thanks!").waitFor({ timeout: 15_000 });
    expect(await sellerWatch.stillSameDocument()).toBe(true);
    expect(problems).toEqual({ buyer: [], seller: [] });
    await buyer.close();
    await seller.close();
  });
});

import { testDialects } from "@digistore/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { launchBrowser, logIn } from "../support/browser";
import { customer, sellerWithProduct } from "../support/catalog-fixtures";
import { buyProduct, openPaidSupportRequest } from "../support/checkout-flows";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("paid support in a browser (%s)", (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore(dialect);
    await sellerWithProduct(store, {
      email: "maker@example.com",
      title: "Orbit Framework",
      price: 3000,
      supportPrice: 4900,
      content: Buffer.from("framework"),
    });
    await customer(store, "buyer@example.com");
  });
  afterAll(() => store?.stop());

  it("buys, opens a request, pays for it, gets an answer, and the seller resolves it", async () => {
    const buyer = await browser.newPage();
    await logIn(buyer, store.url, "buyer@example.com", "customer password");
    await buyProduct(buyer, store.url, "orbit-framework");
    await openPaidSupportRequest(buyer, store.url, {
      subject: "Install fails on Windows",
      message: "The installer stops at step 3 with error E42.",
    });

    const seller = await browser.newPage();
    await logIn(seller, store.url, "maker@example.com", "seller password");
    await seller.goto(`${store.url}/seller/support`);
    await seller.getByTestId("support-inbox").getByText("unread").waitFor();
    await seller.click("text=Install fails on Windows");
    await seller.getByText("The installer stops at step 3 with error E42.").waitFor();
    await seller.fill("#body", "Run it as administrator; E42 means no write access.");
    await seller.click("text=Send reply");
    await seller.locator("[data-testid=support-thread][data-status=answered]").waitFor();

    await buyer.goto(`${store.url}/supports`);
    await buyer.getByTestId("my-supports").getByText("new reply").waitFor();
    await buyer.click("text=Install fails on Windows");
    await buyer.getByText("Run it as administrator; E42 means no write access.").waitFor();
    await buyer.fill("#body", "That worked, thank you!");
    await buyer.click("text=Send reply");
    await buyer.locator("[data-testid=support-thread][data-status=open]").waitFor();

    await seller.reload();
    await seller.getByText("That worked, thank you!").waitFor();
    await seller.click("text=Mark resolved");
    await seller.locator("[data-testid=support-thread][data-status=resolved]").waitFor();

    await buyer.reload();
    await buyer.locator("[data-testid=support-thread][data-status=resolved]").waitFor();
    await buyer.close();
    await seller.close();
  });
});

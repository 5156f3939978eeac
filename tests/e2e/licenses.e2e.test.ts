import { testDialects } from "@digistore/db/testing";
import { createHash, randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLicenseToken } from "@digistore/domain-licenses/examples/verify-license-token";
import { launchBrowser, logIn, watchForPageProblems } from "../support/browser";
import { customer, sellerWithProduct } from "../support/catalog-fixtures";
import { continueToPayment } from "../support/checkout-flows";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())(
  "licence keys at a pay-what-you-want price with a discount code in a browser (%s)",
  (dialect) => {
    let store: TestStore;
    let productId: string;
    const content = randomBytes(1024);
    beforeAll(async () => {
      store = await startTestStore(dialect);
      ({
        product: { id: productId },
      } = await sellerWithProduct(store, {
        email: "keys@example.com",
        title: "Pixel Forge",
        price: 3900,
        content,
      }));
      await customer(store, "keybuyer@example.com");
    });
    afterAll(() => store?.stop());

    it("a seller turns keys on and shares a code, a buyer pays what they want with it and gets a key, their app activates it and verifies it offline", async () => {
      const seller = await browser.newPage();
      const problems = watchForPageProblems(seller);
      await logIn(seller, store.url, "keys@example.com", "seller password");
      await seller.goto(`${store.url}/seller/products/${productId}`);
      await seller.check("input[name=payWhatYouWant]");
      await seller.fill("#suggestedPrice", "45");
      await seller.click("button:has-text('Save details')");
      await seller.getByText("Saved.").waitFor();
      await seller.click("text=Licence keys");
      await seller.check("input[name=enabled]");
      await seller.fill("#activationLimit", "two");
      await seller.click("text=Save terms");
      await seller.getByText("Type a number of machines").waitFor();
      // The refusal is a 400 answer to the form post, which the browser reports; nothing else.
      expect(problems.splice(0)).toEqual([expect.stringContaining("status of 400")]);
      await seller.fill("#activationLimit", "2");
      await seller.click("text=Save terms");
      await seller.getByText("Every owner has a key").waitFor();
      const publicKeyPem = (await seller.getByTestId("public-key").textContent())!;
      expect(publicKeyPem).toContain("BEGIN PUBLIC KEY");

      await seller.goto(`${store.url}/seller/products`);
      await seller.click("text=Discount codes");
      await seller.click("text=New code");
      await seller.fill("#code", "launch30");
      await seller.fill("#percentOff", "100");
      await seller.click("button:has-text('Create code')");
      await seller.getByText("At most 99% off").first().waitFor();
      expect(problems.splice(0)).toEqual([expect.stringContaining("status of 400")]);
      await seller.fill("#percentOff", "30");
      await seller.fill("#maxRedemptions", "10");
      await seller.click("button:has-text('Create code')");
      await seller.getByRole("heading", { name: "LAUNCH30" }).waitFor();
      const shareLink = (await seller.locator("code", { hasText: "pixel-forge" }).textContent())!;
      expect(shareLink).toBe(`${store.url}/products/pixel-forge?code=LAUNCH30`);

      const buyer = await browser.newPage();
      const buyerProblems = watchForPageProblems(buyer);
      await logIn(buyer, store.url, "keybuyer@example.com", "customer password");
      await buyer.goto(`${store.url}/checkout/pixel-forge`);
      await buyer.fill("#code", "nope-not-a-code");
      await buyer.click("button:has-text('Apply')");
      await buyer.getByText("This code does not apply to this product.").waitFor();
      await expect(buyer.inputValue("#amount")).resolves.toBe("45.00");

      await buyer.goto(shareLink);
      await expect(buyer.getByTestId("price").textContent()).resolves.toContain("from $39.00");
      await buyer.getByText("will be applied at checkout").waitFor();
      await buyer.click("text=Buy now");
      await buyer.getByTestId("discount-applied").waitFor();
      await expect(buyer.getByTestId("discount-applied").textContent()).resolves.toBe(
        "LAUNCH30: 30% off",
      );
      await expect(buyer.getByTestId("checkout-total").textContent()).resolves.toBe(
        "from $39.00 from $27.30",
      );
      // The suggestion is lowered by the code too.
      await expect(buyer.inputValue("#amount")).resolves.toBe("31.50");
      await buyer.fill("#amount", "12");
      await buyer.selectOption("#country", "NL");
      await buyer.click("text=Continue to secure payment");
      await buyer.getByText("Pay at least $27.30").first().waitFor();
      expect(buyerProblems.splice(0)).toEqual([expect.stringContaining("status of 400")]);
      await buyer.fill("#amount", "52.50");
      await continueToPayment(buyer, "NL");
      await buyer.getByText("$52.50").first().waitFor();
      await buyer.click("button:has-text('Pay')");
      await buyer.waitForURL(/\/checkout\/return\?order=/);
      await buyer.locator("[data-status=paid]").waitFor({ timeout: 15_000 });
      await buyer.goto(`${store.url}/orders`);
      await expect(buyer.getByTestId("orders").textContent()).resolves.toContain("$52.50");
      await buyer.goto(`${store.url}/library/${productId}`);
      // Each version shows the checksum of exactly the bytes the seller uploaded.
      expect(await buyer.getByTestId("sha256").textContent()).toBe(
        `SHA-256 ${createHash("sha256").update(content).digest("hex")}`,
      );
      const key = (await buyer.getByTestId("license-key").textContent())!.trim();
      await buyer.getByText("0 of 2 machines in use").waitFor();

      // The seller's app, from anywhere: no cookie, just the key and the product id.
      const activation = await fetch(`${store.url}/api/v1/licenses/activate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: key.toLowerCase(), productId, instanceName: "Design laptop" }),
      });
      expect(activation.status).toBe(200);
      const answer = (await activation.json()) as { valid: boolean; token: string };
      expect(answer.valid).toBe(true);
      expect(verifyLicenseToken(answer.token, publicKeyPem, productId)).toMatchObject({
        product: productId,
      });

      await buyer.reload();
      await buyer.getByText("1 of 2 machines in use").waitFor();
      await buyer.getByText("Design laptop").waitFor();
      await buyer.click("button:has-text('Release')");
      await buyer.getByText("That machine was released.").waitFor();
      await buyer.getByText("0 of 2 machines in use").waitFor();

      await seller.reload();
      await seller.getByText("Uses: 1 paid of 10").waitFor();
      await seller.getByText("Revenue (net of refunds): $52.50").waitFor();

      await seller.goto(`${store.url}/seller/products/${productId}/licenses`);
      await expect(seller.getByTestId("licenses").textContent()).resolves.toContain(key);
      await seller.click("button:has-text('Disable')");
      await seller.getByText("Key disabled.").waitFor();
      const check = await fetch(`${store.url}/api/v1/licenses/validate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key, productId }),
      });
      expect(await check.json()).toMatchObject({ valid: false, status: "disabled" });
      expect([...problems, ...buyerProblems]).toEqual([]);
    });
  },
);

import type { Page } from "playwright-core";

/** Through the emulator's hosted page, back to our return page, until the webhook lands. */
async function payOnEmulator(page: Page, status: "paid" = "paid"): Promise<void> {
  await page.waitForURL(/\/_dodo\/checkout\//);
  await page.click("button:has-text('Pay')");
  await page.waitForURL(/\/checkout\/return\?order=/);
  await page.locator(`[data-status=${status}]`).waitFor({ timeout: 15_000 });
}

/** From the checkout page to the provider's hosted page; returns its checkout session id. */
export async function continueToPayment(page: Page, country: string): Promise<string> {
  await page.selectOption("#country", country);
  await page.click("text=Continue to secure payment");
  await page.waitForURL(/\/_dodo\/checkout\//);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
}

/** Buys a product through the real checkout and the emulator, as a signed-in buyer. */
export async function buyProduct(page: Page, baseUrl: string, slug: string): Promise<void> {
  await page.goto(`${baseUrl}/checkout/${slug}`);
  await continueToPayment(page, "NL");
  await payOnEmulator(page);
}

/** Opens and pays for a support request on the first product in the buyer's library. */
export async function openPaidSupportRequest(
  page: Page,
  baseUrl: string,
  request: { subject: string; message: string },
): Promise<void> {
  await page.goto(`${baseUrl}/library`);
  await page.click("text=Request support");
  await page.fill("#subject", request.subject);
  await page.fill("#message", request.message);
  await continueToPayment(page, "NL");
  await payOnEmulator(page);
  await page.getByText("Your support request is open.").waitFor();
}

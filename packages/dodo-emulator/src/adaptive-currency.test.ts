import { describe, expect, it } from "vitest";
import { DodoApiError } from "./errors";
import { submitForm } from "./testing/checkout-form";
import { ebook } from "./testing/fixtures";
import { perTest } from "./testing/per-test";
import { sessionFor } from "./testing/session";
import { thrown } from "./testing/thrown";

const use = perTest();

describe("adaptive currency", () => {
  it("lets the buyer pick a currency when the session allows it (Dodo's default)", async () => {
    const running = await use.emulator();
    const product = await ebook(running.client, "Pixel Icons", 1999);
    const { checkout_url } = await sessionFor(running, product.product_id);
    const page = await (await fetch(checkout_url!)).text();
    expect(page).toContain('<select name="currency">');
    expect(page).toContain('<option value="USD" selected>USD</option>');
    expect(page).toContain('<option value="EUR">EUR</option>');

    const paid = await submitForm(checkout_url!, "pay", { currency: "EUR" });
    expect(paid.status).toBe(303);
    const paymentId = new URL(paid.headers.get("location")!).searchParams.get("payment_id")!;
    const payment = await running.client.payments.retrieve(paymentId);
    // 19.99 USD at the emulator's 1.10 USD per EUR; the seller is credited the USD price.
    expect(payment).toMatchObject({
      status: "succeeded",
      currency: "EUR",
      total_amount: 1817,
      settlement_currency: "USD",
      settlement_amount: 1999,
    });
  });

  it("reports tax in the buyer's currency and in the settlement currency", async () => {
    const running = await use.emulator();
    const product = await ebook(running.client, "Pixel Icons", 1999);
    const { session_id } = await sessionFor(running, product.product_id);
    const payment = running.emulator.control.pay(session_id, { currency: "EUR" });
    // German VAT (19 %) inside the tax-inclusive price: 1999 − 1999 / 1.19 = 319 cents.
    expect(payment.settlement_tax).toBe(319);
    expect(payment.tax).toBe(290);
  });

  it("offers no currency choice and refuses one when allow_currency_selection is false", async () => {
    const running = await use.emulator();
    const product = await ebook(running.client, "Pixel Icons", 1999);
    const { checkout_url, session_id } = await sessionFor(running, product.product_id, {
      flags: { allow_currency_selection: false },
    });
    expect(await (await fetch(checkout_url!)).text()).not.toContain('name="currency"');

    const forged = await submitForm(checkout_url!, "pay", { currency: "EUR" });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("This checkout is paid in USD");
    const error = thrown(() => running.emulator.control.pay(session_id, { currency: "EUR" }));
    expect(error).toBeInstanceOf(DodoApiError);
    expect(error).toMatchObject({ status: 400, code: "CURRENCY_SELECTION_NOT_ALLOWED" });
    expect((await running.client.payments.list()).items).toHaveLength(0);

    const payment = running.emulator.control.pay(session_id, { currency: "USD" });
    expect(payment).toMatchObject({ currency: "USD", total_amount: 1999 });
  });

  it("refuses a currency the page does not offer", async () => {
    const running = await use.emulator();
    const product = await ebook(running.client, "Pixel Icons", 1999);
    const { session_id } = await sessionFor(running, product.product_id);
    const error = thrown(() => running.emulator.control.pay(session_id, { currency: "CHF" }));
    expect(error).toMatchObject({ status: 400, code: "CURRENCY_NOT_OFFERED" });
  });
});

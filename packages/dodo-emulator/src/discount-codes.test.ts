import { describe, expect, it } from "vitest";
import { submitForm } from "./testing/checkout-form";
import { ebook } from "./testing/fixtures";
import { perTest } from "./testing/per-test";
import { sessionFor } from "./testing/session";
import { thrown } from "./testing/thrown";

const use = perTest();

describe("Dodo discount codes", () => {
  it("takes a known code on the hosted page and reports the discounted total and discount_id", async () => {
    const running = await use.emulator();
    const discount = await running.client.discounts.create({
      amount: 2000,
      type: "percentage",
      code: "spring",
    });
    expect(discount).toMatchObject({ code: "SPRING", times_used: 0 });
    expect(discount.discount_id).toMatch(/^dsc_/);
    const product = await ebook(running.client, "Pixel Icons", 1999);
    const { checkout_url } = await sessionFor(running, product.product_id, { country: "US" });
    expect(await (await fetch(checkout_url!)).text()).toContain('name="discount_code"');

    const paid = await submitForm(checkout_url!, "pay", { discount_code: "spring" });
    expect(paid.status).toBe(303);
    const paymentId = new URL(paid.headers.get("location")!).searchParams.get("payment_id")!;
    const payment = await running.client.payments.retrieve(paymentId);
    expect(payment).toMatchObject({
      total_amount: 1599,
      currency: "USD",
      settlement_amount: 1599,
      discount_id: discount.discount_id,
      discounts: [expect.objectContaining({ discount_id: discount.discount_id, code: "SPRING" })],
    });
    expect((await running.client.discounts.retrieve(discount.discount_id)).times_used).toBe(1);
  });

  it("refuses an unknown code on the page and charges nothing", async () => {
    const running = await use.emulator();
    const product = await ebook(running.client);
    const { checkout_url } = await sessionFor(running, product.product_id);
    const refused = await submitForm(checkout_url!, "pay", { discount_code: "NOPE" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Discount code NOPE cannot be used");
    expect((await running.client.payments.list()).items).toHaveLength(0);
  });

  it("shows no code field and refuses a code when allow_discount_code is false", async () => {
    const running = await use.emulator();
    await running.client.discounts.create({ amount: 2000, type: "percentage", code: "SPRING" });
    const product = await ebook(running.client, "Pixel Icons", 1999);
    const { checkout_url, session_id } = await sessionFor(running, product.product_id, {
      flags: { allow_discount_code: false },
    });
    expect(await (await fetch(checkout_url!)).text()).not.toContain("discount_code");
    expect(
      thrown(() => running.emulator.control.pay(session_id, { discount_code: "SPRING" })),
    ).toMatchObject({ status: 400, code: "DISCOUNT_CODE_NOT_ALLOWED" });
    expect((await submitForm(checkout_url!, "pay", { discount_code: "SPRING" })).status).toBe(400);
    expect(running.emulator.control.pay(session_id)).toMatchObject({
      total_amount: 1999,
      discount_id: null,
    });
  });
});

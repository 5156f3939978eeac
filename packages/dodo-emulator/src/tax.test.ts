import type DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { perTest } from "./testing/per-test";
import { sessionFor } from "./testing/session";

const use = perTest();

function product(client: DodoPayments, taxInclusive: boolean | undefined) {
  return client.products.create({
    name: "Pixel Icons",
    price: {
      type: "one_time_price",
      price: 1999,
      currency: "USD",
      discount: 0,
      purchasing_power_parity: false,
      ...(taxInclusive === undefined ? {} : { tax_inclusive: taxInclusive }),
    },
    tax_category: "digital_products",
  });
}

describe("tax", () => {
  it("adds the billing country's tax on top of a tax-exclusive price", async () => {
    const running = await use.emulator();
    const { product_id } = await product(running.client, false);
    const { session_id, checkout_url } = await sessionFor(running, product_id, { country: "DE" });
    const page = await (await fetch(checkout_url!)).text();
    expect(page).toContain("$3.80"); // the tax line
    expect(page).toContain("Pay $23.79");
    const payment = running.emulator.control.pay(session_id);
    // 19 % German VAT on 19.99: 3.80 on top.
    expect(payment).toMatchObject({
      total_amount: 2379,
      tax: 380,
      settlement_amount: 2379,
      settlement_tax: 380,
    });
  });

  it("keeps a tax-inclusive (or unspecified) price as the total and reports the tax inside it", async () => {
    const running = await use.emulator();
    for (const taxInclusive of [true, undefined]) {
      const { product_id } = await product(running.client, taxInclusive);
      const { session_id } = await sessionFor(running, product_id, { country: "DE" });
      expect(running.emulator.control.pay(session_id)).toMatchObject({
        total_amount: 1999,
        tax: 319,
      });
    }
  });

  it("charges no tax where the emulator has no rate", async () => {
    const running = await use.emulator();
    const { product_id } = await product(running.client, false);
    const { session_id } = await sessionFor(running, product_id, { country: "US" });
    expect(running.emulator.control.pay(session_id)).toMatchObject({ total_amount: 1999, tax: 0 });
  });
});

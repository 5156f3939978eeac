import { DAY, ManualClock } from "@digistore/core";
import { describe, expect, it } from "vitest";
import { createDodoEmulator } from "./emulator";
import { DodoApiError } from "./errors";

describe("the refund window", () => {
  it("refuses a refund more than 30 days after the payment, as Dodo does", async () => {
    const clock = new ManualClock("2026-11-21T10:00:00.000Z");
    const emulator = createDodoEmulator({
      apiKey: "k",
      webhookSecret: "whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS13aW5kb3c=",
      clock,
    });
    const { url } = await emulator.listen();
    try {
      const headers = { authorization: "Bearer k", "content-type": "application/json" };
      const post = async (path: string, body: unknown) =>
        (await fetch(`${url}${path}`, { method: "POST", headers, body: JSON.stringify(body) }).then(
          (r) => r.json(),
        )) as Record<string, string>;
      const product = await post("/products", {
        name: "Icons",
        price: { type: "one_time_price", price: 1000, currency: "USD" },
        tax_category: "digital_products",
      });
      const session = await post("/checkouts", {
        product_cart: [{ product_id: product.product_id, quantity: 1 }],
      });
      const paid = emulator.control.pay(session.session_id!);
      clock.advance(30 * DAY);
      expect(emulator.control.refund(paid.payment_id, 100).status).toBe("succeeded");
      clock.advance(1000);
      const late: unknown = (() => {
        try {
          return emulator.control.refund(paid.payment_id, 100);
        } catch (error) {
          return error;
        }
      })();
      expect(late).toBeInstanceOf(DodoApiError);
      expect((late as DodoApiError).message).toMatch(/30-day refund window/);
    } finally {
      await emulator.close();
    }
  });
});

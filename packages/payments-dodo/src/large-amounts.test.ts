import { testDialects } from "@digistore/db/testing";
import { paysForOrder } from "@digistore/domain-orders";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkoutRequest,
  insertProduct,
  startDodoHarness,
  type DodoHarness,
} from "./testing/harness";

/** A real IDR price: above the 2,147,483,647 a 32-bit column holds (#12 item 8). */
const IDR_PRICE = { amount: 5_000_000_000, currency: "IDR" };

describe.each(testDialects())("an IDR price above 32 bits on %s", (dialect) => {
  let h: DodoHarness;
  beforeEach(async () => {
    h = await startDodoHarness(dialect);
  });
  afterEach(() => h.close());

  it("is saved, checked out, paid and refunded in full", async () => {
    const product = await insertProduct(h.db, IDR_PRICE);
    const request = checkoutRequest(product, { price: IDR_PRICE, billing: { country: "US" } });
    const { checkoutId } = await h.provider.createCheckout(request);
    const mapping = await h.db.db
      .selectFrom("provider_products")
      .select(["amount", "currency"])
      .executeTakeFirstOrThrow();
    expect(mapping).toEqual(IDR_PRICE);

    const { payment_id } = h.emulator.control.pay(checkoutId);
    await h.emulator.control.waitForDeliveries();
    const paid = h.receiver.one("payment.succeeded");
    const event = await h.provider.verifyAndParse(paid.body, paid.headers);
    expect(event.fact).toMatchObject({ kind: "payment", status: "succeeded", ...IDR_PRICE });
    expect(event.fact.kind === "payment" && paysForOrder(IDR_PRICE, event.fact)).toBe(true);

    await h.provider.refund(payment_id, undefined, request.orderId);
    await h.emulator.control.waitForDeliveries();
    const refunded = h.receiver.one("refund.succeeded");
    expect((await h.provider.verifyAndParse(refunded.body, refunded.headers)).fact).toMatchObject({
      kind: "refund",
      status: "succeeded",
      amount: IDR_PRICE.amount,
      isPartial: false,
    });
  });
});

import type DodoPayments from "dodopayments";
import { callDodo } from "./dodo-client";

/**
 * Asks Dodo to refund a payment: all that is not yet refunded without `amount`, else `amount`
 * minor units. Dodo refunds parts by cart item, so a partial refund names the payment's one
 * product. The outcome arrives later as a refund event.
 */
export async function refundDodoPayment(
  client: DodoPayments,
  paymentId: string,
  amount?: number,
): Promise<void> {
  if (amount === undefined) {
    await callDodo("refund the payment", () => client.refunds.create({ payment_id: paymentId }));
    return;
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new RangeError(`A refund amount must be a positive whole number of minor units`);
  }
  const payment = await callDodo("look up the payment to refund", () =>
    client.payments.retrieve(paymentId),
  );
  const items = payment.product_cart ?? [];
  if (items.length !== 1) {
    throw new Error(
      `Cannot partially refund payment ${paymentId}: it has ${items.length} products, expected one`,
    );
  }
  await callDodo("refund the payment", () =>
    client.refunds.create({
      payment_id: paymentId,
      items: [{ item_id: items[0]!.product_id, amount }],
    }),
  );
}

import { PaymentRefusedError } from "@digistore/domain-orders";
import type DodoPayments from "dodopayments";
import type { RefundCreateParams } from "dodopayments/resources/refunds";
import { callDodo } from "./dodo-client";

/** Dodo takes refunds for 30 days after a payment. */
export const DODO_REFUND_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** Answers Dodo gives when a refund can never succeed (window closed, already refunded, …). */
const PERMANENT = new Set([400, 404, 409, 422]);

/**
 * Asks Dodo to refund a payment: all that is not yet refunded without `amount`, else `amount`
 * minor units. Dodo refunds parts by cart item, so a partial refund names the payment's one
 * product. The order id goes with it as metadata, so the refund event names its order. The
 * outcome arrives later as a refund event; a permanent refusal is a PaymentRefusedError.
 */
export async function refundDodoPayment(
  client: DodoPayments,
  paymentId: string,
  amount: number | undefined,
  orderId: string,
  reason?: string,
): Promise<void> {
  const params = {
    ...(await refundParams(client, paymentId, amount, orderId)),
    ...(reason ? { reason } : {}),
  };
  try {
    await callDodo("refund the payment", () => client.refunds.create(params));
  } catch (error) {
    const status = (error as { cause?: { status?: unknown } }).cause?.status;
    if (error instanceof Error && typeof status === "number" && PERMANENT.has(status)) {
      throw new PaymentRefusedError(error.message, { cause: error.cause });
    }
    throw error;
  }
}

export async function refundParams(
  client: DodoPayments,
  paymentId: string,
  amount: number | undefined,
  orderId: string,
): Promise<RefundCreateParams> {
  const metadata = { order_id: orderId };
  if (amount === undefined) return { payment_id: paymentId, metadata };
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
  return { payment_id: paymentId, items: [{ item_id: items[0]!.product_id, amount }], metadata };
}

import { NotFoundError, type default as DodoPayments } from "dodopayments";
import { callDodo } from "./dodo-client";
import { orderIdFromMetadata } from "./webhook-payload.schemas";

/** Finds the order a payment was for; null when Dodo does not know the payment. */
export type PaymentOrderLookup = (paymentId: string) => Promise<string | null>;

/**
 * Real Dodo puts the checkout's metadata on payments only: refunds carry their own metadata
 * and disputes none. The payment is the authority on which order it paid for.
 */
export function paymentOrderLookup(client: DodoPayments): PaymentOrderLookup {
  return async (paymentId) => {
    try {
      const payment = await callDodo("look up the payment", () =>
        client.payments.retrieve(paymentId),
      );
      return orderIdFromMetadata(payment.metadata);
    } catch (error) {
      if (error instanceof Error && error.cause instanceof NotFoundError) return null;
      throw error;
    }
  };
}

import type { Money } from "@digistore/core";
import type { OrderKind } from "@digistore/db";
import { z } from "zod";

/**
 * What a payment provider must do for the store. Dodo is the first adapter; the domain never
 * sees a provider's own types, only this contract and the normalised events below.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Starts the provider's hosted checkout for a pending order. */
  createCheckout(input: CheckoutRequest): Promise<{ redirectUrl: string; checkoutId: string }>;
  /**
   * Verifies a webhook's signature over the exact raw body (and its timestamp window) and
   * normalises it. Throws WebhookVerificationError when it is not the provider's.
   */
  verifyAndParse(
    rawBody: string,
    headers: Readonly<Record<string, string | undefined>>,
  ): Promise<PaymentEvent>;
  /** Refunds a payment, in full when no amount is given. The result arrives as an event. */
  refund(paymentId: string, amount?: number): Promise<void>;
  /** Asks the provider what happened to a checkout (reconciling orders whose webhook never came). */
  checkoutStatus(checkoutId: string): Promise<"pending" | "succeeded" | "failed" | "unknown">;
}

export interface CheckoutRequest {
  readonly orderId: string;
  readonly kind: OrderKind;
  readonly product: { readonly id: string; readonly title: string };
  readonly price: Money;
  readonly customer: { readonly email: string; readonly name: string };
  readonly billing: { readonly country: string; readonly address?: BillingAddress | undefined };
  /** Where the provider sends the buyer back (our return page for this order). */
  readonly returnUrl: string;
}

export const ZBillingAddress = z.object({
  street: z.string().trim().max(200).default(""),
  city: z.string().trim().max(100).default(""),
  state: z.string().trim().max(100).default(""),
  zipcode: z.string().trim().max(20).default(""),
});
export type BillingAddress = z.output<typeof ZBillingAddress>;

export class WebhookVerificationError extends Error {
  override name = "WebhookVerificationError";
}

/**
 * A provider event reduced to facts. Handling is state-based: the order's state is derived
 * from all facts recorded for it, so duplicates and any arrival order converge.
 */
export const ZPaymentEvent = z.object({
  eventId: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  occurredAt: z.string(),
  /** Our order id, from the checkout's metadata; null when the event names none. */
  orderId: z.string().max(64).nullable(),
  paymentId: z.string().max(200).nullable(),
  fact: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("payment"),
      status: z.enum(["succeeded", "failed", "cancelled", "processing"]),
      amount: z.number().int().nonnegative(),
      currency: z.string(),
    }),
    z.object({
      kind: z.literal("refund"),
      refundId: z.string(),
      status: z.enum(["succeeded", "failed", "pending"]),
      amount: z.number().int().nonnegative(),
    }),
    z.object({
      kind: z.literal("dispute"),
      disputeId: z.string(),
      status: z.enum(["opened", "challenged", "won", "lost", "accepted", "cancelled", "expired"]),
    }),
    z.object({ kind: z.literal("other") }),
  ]),
  /** The provider's payload as received, kept for audit and re-processing. */
  raw: z.unknown(),
});
export type PaymentEvent = z.infer<typeof ZPaymentEvent>;
export type PaymentFact = PaymentEvent["fact"];

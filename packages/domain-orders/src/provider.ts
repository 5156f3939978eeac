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
  /**
   * Refunds a payment, in full when no amount is given. The result arrives as an event; the
   * order id travels with the refund so that event names its order without a lookup.
   * Throws PaymentRefusedError when the provider will never take this refund (e.g. past its
   * refund window); any other error is taken as transient.
   */
  refund(
    paymentId: string,
    amount: number | undefined,
    orderId: string,
    reason?: string,
  ): Promise<void>;
  /**
   * How long after a payment the provider takes refunds, when it has such a window (Dodo:
   * 30 days). The store says so up front; the provider's own refusal stays the last word.
   */
  readonly refundWindowMs?: number;
  /**
   * Parses a stored event's raw body again, without the signature check it passed when it
   * arrived (its timestamp is long outside the replay window by then). Staff re-processing.
   */
  reparse(stored: { readonly eventId: string; readonly rawBody: string }): Promise<PaymentEvent>;
  /** Asks the provider what happened to a checkout (reconciling orders whose webhook never came). */
  checkoutStatus(checkoutId: string): Promise<"pending" | "succeeded" | "failed" | "unknown">;
}

export interface CheckoutRequest {
  readonly orderId: string;
  readonly kind: OrderKind;
  readonly product: { readonly id: string; readonly title: string };
  readonly price: Money;
  /**
   * Set when the store set the amount (pay what you want, a discount code): the least the
   * provider may accept for this product. `price` is what this order charges, exactly.
   */
  readonly minimumPrice?: Money | undefined;
  readonly customer: { readonly email: string; readonly name: string };
  readonly billing: { readonly country: string; readonly address?: BillingAddress | undefined };
  /** Where the provider sends the buyer back (our return page for this order). */
  readonly returnUrl: string;
  /** Where the hosted page's back button leads (the product page); without it there is none. */
  readonly cancelUrl: string;
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

/** The provider refused for good (not "try again later"); the message is the provider's. */
export class PaymentRefusedError extends Error {
  override name = "PaymentRefusedError";
}

/** Minor units in an event: any safe integer (a tax-exclusive IDR total exceeds 32 bits). */
const ZEventAmount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

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
      /** What the buyer was charged, in the currency they paid in. */
      amount: ZEventAmount,
      currency: z.string(),
      /**
       * What the seller receives, in the seller's currency, when the provider reports it. It
       * differs from amount/currency when the buyer paid in their local currency.
       */
      settlement: z.object({ amount: ZEventAmount, currency: z.string() }).nullish(),
    }),
    z.object({
      kind: z.literal("refund"),
      refundId: z.string(),
      status: z.enum(["succeeded", "failed", "pending"]),
      /** Null when the provider does not say (Dodo's `amount` is optional). */
      amount: ZEventAmount.nullable(),
      /** The provider's own judgement; null when it gives none (then the amounts decide). */
      isPartial: z.boolean().nullish(),
    }),
    z.object({
      kind: z.literal("dispute"),
      disputeId: z.string(),
      status: z.enum(["opened", "challenged", "won", "lost", "accepted", "cancelled", "expired"]),
    }),
    z.object({ kind: z.literal("other") }),
    /**
     * Correctly signed, but not something this code can read (yet). Stored with the raw body
     * and flagged for staff; re-processing parses the raw body again with the code of the day.
     */
    z.object({ kind: z.literal("unparseable"), reason: z.string().max(500) }),
    /** Signed, but for an account that is not ours (another business): stored, never applied. */
    z.object({ kind: z.literal("ignored"), reason: z.string().max(500) }),
  ]),
  /** The provider's payload as received, kept for audit and re-processing. */
  raw: z.unknown(),
  /** The body exactly as received (byte for byte), for events that must be parsed again. */
  rawBody: z.string().optional(),
});
export type PaymentEvent = z.infer<typeof ZPaymentEvent>;
export type PaymentFact = PaymentEvent["fact"];

import { z } from "zod";

// The parts of Dodo's webhook body (`{ business_id, type, timestamp, data }`) the adapter
// reads; everything else is kept untouched in `raw`.

/**
 * Minor units; Dodo sends numbers, but some amounts (disputes) are strings. Any safe integer:
 * a tax-exclusive total or an IDR amount is well above what a 32-bit price column holds.
 */
const ZMinorUnits = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

const ZMetadata = z.record(z.string(), z.unknown()).nullish();

export const ZWebhookEnvelope = z.looseObject({
  /** Whose event it is; checked against ours (one endpoint may hear several businesses). */
  business_id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  timestamp: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

export const ZPaymentData = z.looseObject({
  payment_id: z.string().min(1).max(200),
  total_amount: ZMinorUnits,
  currency: z.string().min(1),
  /** What Dodo credits the seller, in the seller's currency (adaptive pricing differs). */
  settlement_amount: ZMinorUnits.nullish(),
  settlement_currency: z.string().min(1).nullish(),
  metadata: ZMetadata,
});

export const ZRefundData = z.looseObject({
  refund_id: z.string().min(1),
  payment_id: z.string().min(1).max(200),
  /** Optional in Dodo's `Refund` type. */
  amount: ZMinorUnits.nullish(),
  /** Dodo's own judgement of partial vs full; required in its type, tolerated missing here. */
  is_partial: z.boolean().nullish(),
  metadata: ZMetadata,
});

export const ZDisputeData = z.looseObject({
  dispute_id: z.string().min(1),
  payment_id: z.string().min(1).max(200),
  metadata: ZMetadata,
});

/** Our order id from metadata, when it is one (a short string). */
export function orderIdFromMetadata(metadata: Record<string, unknown> | null | undefined) {
  const value = metadata?.order_id;
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;
}

import { MAX_AMOUNT } from "@digistore/core";
import { z } from "zod";

// The parts of Dodo's webhook body (`{ business_id, type, timestamp, data }`) the adapter
// reads; everything else is kept untouched in `raw`.

/** Minor units; Dodo sends numbers, but some amounts (disputes) are strings. */
const ZMinorUnits = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .pipe(z.number().int().min(0).max(MAX_AMOUNT));

const ZMetadata = z.record(z.string(), z.unknown()).nullish();

export const ZWebhookEnvelope = z.looseObject({
  type: z.string().min(1).max(100),
  timestamp: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

export const ZPaymentData = z.looseObject({
  payment_id: z.string().min(1).max(200),
  total_amount: ZMinorUnits,
  currency: z.string().min(1),
  metadata: ZMetadata,
});

export const ZRefundData = z.looseObject({
  refund_id: z.string().min(1),
  payment_id: z.string().min(1).max(200),
  amount: ZMinorUnits,
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

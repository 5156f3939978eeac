import { refineDayRange, ZDayRangeFields, ZId, ZPageInput } from "@digistore/core";
import { z } from "zod";
import { ZRefundInput } from "./orders.schemas";

const ORDER_STATUSES = [
  "pending",
  "paid",
  "failed",
  "cancelled",
  "expired",
  "refunded",
  "partially_refunded",
  "disputed",
] as const;

// A form sends "" for a field left empty: that means "any".
const emptyIsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/**
 * A seller's order filters as a form sends them: `status` ("" = every paid one, "all" =
 * everything), a product, days of the seller's zone, and part of a buyer's email.
 */
export const ZSellerOrderFilter = z
  .object({
    status: emptyIsUnset(z.enum([...ORDER_STATUSES, "all"], "Choose a status from the list.")),
    productId: emptyIsUnset(ZId),
    from: ZDayRangeFields.from,
    to: ZDayRangeFields.to,
    email: emptyIsUnset(z.string().trim().max(200, "Search with at most 200 characters.")),
    /** One customer's orders (their page). */
    customerId: emptyIsUnset(ZId),
  })
  .superRefine(refineDayRange);
export type TSellerOrderFilter = z.input<typeof ZSellerOrderFilter>;

export const ZListSellerOrdersInput = z.object({
  filter: ZSellerOrderFilter.default({}),
  page: ZPageInput.default({ limit: 25 }),
});
export type TListSellerOrdersInput = z.input<typeof ZListSellerOrdersInput>;

export const ZSellerOrderRef = z.object({ orderId: ZId });

const REASON_NEEDED = "Say why in a few words: the payment provider keeps it with the refund.";

/** A seller's refund: all that is left, or part of it, with a reason the provider keeps. */
export const ZSellerRefundInput = ZRefundInput.extend({
  reason: z
    .string(REASON_NEEDED)
    .trim()
    .min(3, REASON_NEEDED)
    .max(500, "Keep the reason under 500 characters."),
});
export type TSellerRefundInput = z.input<typeof ZSellerRefundInput>;

export const ZListSellerCustomersInput = z.object({
  search: emptyIsUnset(z.string().trim().max(200, "Search with at most 200 characters.")),
  page: ZPageInput.default({ limit: 25 }),
});
export type TListSellerCustomersInput = z.input<typeof ZListSellerCustomersInput>;

export const ZSellerCustomerRef = z.object({ customerId: ZId });

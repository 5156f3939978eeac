import { ZId } from "@digistore/core";
import type { ByteRange } from "@digistore/domain-catalog";
import { z } from "zod";

/** A product of the library (its versions, say). */
export const ZLibraryProductRef = z.object({ productId: ZId });
export type TLibraryProductRef = z.input<typeof ZLibraryProductRef>;

/** The Download button: the product, and a version of it (default: the current one). */
export const ZDownloadRequest = z.object({ productId: ZId, versionId: ZId.optional() });
export type TDownloadRequest = z.input<typeof ZDownloadRequest>;

/** Order history: the newest first, this many at most. */
export const ZListOrdersInput = z
  .object({ limit: z.number().int().min(1).max(500).default(100) })
  .default({ limit: 100 });
export type TListOrdersInput = z.input<typeof ZListOrdersInput>;

// Request metadata is logged truncated, never refused: a long User-Agent still downloads.
const truncated = (max: number) => z.string().transform((value) => value.slice(0, max));

/** Serving a download link; `range` maps the file's size to the requested bytes. */
export const ZOpenDownloadInput = z.object({
  token: z.string(),
  range: z
    .custom<(size: number) => ByteRange | "unsatisfiable" | null>(
      (value) => typeof value === "function",
      "range must be a function",
    )
    .optional(),
  ip: truncated(64).optional(),
  userAgent: truncated(300).optional(),
});
export type TOpenDownloadInput = z.input<typeof ZOpenDownloadInput>;

/** The staff event log: newest first, filtered by outcome, paged by `before`. */
export const ZListPaymentEventsInput = z
  .object({
    outcome: z.enum(["received", "processed", "unmatched", "failed"]).optional(),
    before: z.string().max(40).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });
export type TListPaymentEventsInput = z.input<typeof ZListPaymentEventsInput>;

/** A stored payment event, by the store's own id. */
export const ZPaymentEventRef = z.object({ id: ZId });
export type TPaymentEventRef = z.input<typeof ZPaymentEventRef>;

/** A stored payment event, by the provider's id for it (CLI `payments replay <event id>`). */
export const ZProviderEventRef = z.object({ providerEventId: z.string().min(1).max(255) });
export type TProviderEventRef = z.input<typeof ZProviderEventRef>;

/** A refund of an order: all that remains, or `amount` minor units of it. */
export const ZRefundInput = z.object({
  orderId: ZId,
  amount: z.number().int().positive().optional(),
  /** Kept by the provider with the refund (a seller must give one). */
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});
export type TRefundInput = z.input<typeof ZRefundInput>;

/** Housekeeping: at most this many pending orders expire per run. */
export const ZExpirePendingOrdersInput = z
  .object({ limit: z.number().int().min(1).default(500) })
  .default({ limit: 500 });
export type TExpirePendingOrdersInput = z.input<typeof ZExpirePendingOrdersInput>;

/** Reconcile asks the provider about pending orders older than this (default an hour). */
export const ZReconcilePendingOrdersInput = z
  .object({
    olderThanMs: z
      .number()
      .int()
      .min(0)
      .default(60 * 60 * 1000),
  })
  .default({ olderThanMs: 60 * 60 * 1000 });
export type TReconcilePendingOrdersInput = z.input<typeof ZReconcilePendingOrdersInput>;

import { ZId } from "@digistore/core";
import { ZBillingAddress, ZCountry } from "@digistore/domain-orders";
import { z } from "zod";
import { AUTO_CLOSE_AFTER_MS } from "./support-request";

const MAX_SUBJECT_LENGTH = 200;
const MAX_MESSAGE_LENGTH = 10_000;

const ZSupportSubject = z
  .string()
  .trim()
  .min(1, "Enter a subject")
  .max(MAX_SUBJECT_LENGTH, `Subject must be at most ${MAX_SUBJECT_LENGTH} characters`);

const ZSupportMessageBody = z
  .string()
  .trim()
  .min(1, "Write a message")
  .max(MAX_MESSAGE_LENGTH, "Message must be at most 10,000 characters");

/** "Get support": the first message is written before paying and waits in the thread. */
export const ZOpenSupportRequestInput = z.object({
  productId: ZId,
  subject: ZSupportSubject,
  message: ZSupportMessageBody,
  billingCountry: ZCountry,
  billingAddress: ZBillingAddress.optional(),
});
export type TOpenSupportRequestInput = z.input<typeof ZOpenSupportRequestInput>;

export const ZReplyInput = z.object({ requestId: ZId, body: ZSupportMessageBody });
export type TReplyInput = z.input<typeof ZReplyInput>;

/** Resolve and close name just the request. */
export const ZSupportRequestRef = z.object({ requestId: ZId });
export type TSupportRequestRef = z.input<typeof ZSupportRequestRef>;

/** The "Get support" page: may this person ask about this product? */
export const ZSupportProductRef = z.object({ productId: ZId });
export type TSupportProductRef = z.input<typeof ZSupportProductRef>;

/** Sellers never see unpaid requests, so their filter offers only statuses after payment. */
export const ZSellerInboxFilter = z
  .object({
    status: z.enum(["open", "answered", "resolved", "closed", "cancelled"]).optional(),
    productId: ZId.optional(),
    /** One customer's requests (their page in the seller area). */
    customerId: ZId.optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .default({ limit: 200 });
export type TSellerInboxFilter = z.input<typeof ZSellerInboxFilter>;

/** My Supports: latest activity first, this many at most. */
export const ZListMySupportRequestsInput = z
  .object({ limit: z.number().int().min(1).max(500).default(100) })
  .default({ limit: 100 });
export type TListMySupportRequestsInput = z.input<typeof ZListMySupportRequestsInput>;

/** Housekeeping: requests resolved at least this long ago, untouched since, close. */
export const ZCloseStaleResolvedRequestsInput = z
  .object({ olderThanMs: z.number().int().min(0).default(AUTO_CLOSE_AFTER_MS) })
  .default({ olderThanMs: AUTO_CLOSE_AFTER_MS });
export type TCloseStaleResolvedRequestsInput = z.input<typeof ZCloseStaleResolvedRequestsInput>;

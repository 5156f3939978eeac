import { ZBillingAddress, ZCountry } from "@digistore/domain-orders";
import { z } from "zod";

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_MESSAGE_LENGTH = 10_000;

const ZId = z.string().trim().min(1).max(64);

export const ZSupportSubject = z
  .string()
  .trim()
  .min(1, "Enter a subject")
  .max(MAX_SUBJECT_LENGTH, `Subject must be at most ${MAX_SUBJECT_LENGTH} characters`);

export const ZSupportMessageBody = z
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

/** Sellers never see unpaid requests, so their filter offers only statuses after payment. */
export const ZSellerInboxFilter = z.object({
  status: z.enum(["open", "answered", "resolved", "closed", "cancelled"]).optional(),
  productId: ZId.optional(),
});
export type TSellerInboxFilter = z.input<typeof ZSellerInboxFilter>;

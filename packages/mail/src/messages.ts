import { z } from "zod";

const to = z.email().max(254);
const displayName = z.string().trim().min(1).max(200);
const token = z.string().min(1).max(512);
const orderId = z.string().min(1).max(64);
const productTitle = z.string().trim().min(1).max(200);
const amount = z.number().int().nonnegative();
const currency = z.string().length(3);

/**
 * Every email the store can send, one member per kind. To add a kind: add its schema here and
 * its template in templates.ts (the compiler points at the missing template).
 */
export const ZEmailMessage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verify_email"), to, displayName, token }),
  z.object({ kind: z.literal("reset_password"), to, displayName, token }),
  z.object({ kind: z.literal("account_exists"), to, displayName }),
  z.object({ kind: z.literal("password_changed"), to, displayName }),
  z.object({
    kind: z.literal("receipt"),
    to,
    displayName,
    orderId,
    productTitle,
    amount,
    currency,
    orderKind: z.enum(["product", "support"]),
  }),
  z.object({
    kind: z.literal("refund_notice"),
    to,
    displayName,
    orderId,
    productTitle,
    amount,
    currency,
    full: z.boolean(),
  }),
]);

export type EmailMessage = z.infer<typeof ZEmailMessage>;
export type EmailKind = EmailMessage["kind"];

import { z } from "zod";

const to = z.email().max(254);
const displayName = z.string().trim().min(1).max(200);
const token = z.string().min(1).max(512);
const orderId = z.string().min(1).max(64);
const productTitle = z.string().trim().min(1).max(200);
const amount = z.number().int().nonnegative();
const currency = z.string().length(3);
const requestId = z.string().min(1).max(64);
const supportSubject = z.string().trim().min(1).max(200);
/** Where each side reads a support thread; nothing else may be linked from a support email. */
const customerThreadPath = z.string().regex(/^\/supports\/[A-Za-z0-9-]{1,64}$/);
const sellerThreadPath = z.string().regex(/^\/seller\/support\/[A-Za-z0-9-]{1,64}$/);

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
    notes: z.array(z.string().trim().min(1).max(300)).max(5).readonly().optional(),
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
  z.object({
    kind: z.literal("sale_notice"),
    to,
    displayName,
    orderId,
    productTitle,
    amount,
    currency,
    buyerName: displayName,
  }),
  z.object({
    kind: z.literal("sale_digest"),
    to,
    displayName,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sales: z.number().int().nonnegative(),
    /** Net revenue of products and of support, one line per currency. */
    lines: z
      .array(z.object({ currency, products: z.number().int(), support: z.number().int() }))
      .max(50)
      .readonly(),
  }),
  z.object({
    kind: z.literal("support_paid"),
    to,
    displayName,
    requestId,
    productTitle,
    subject: supportSubject,
    customerName: displayName,
    path: sellerThreadPath,
  }),
  z.object({
    kind: z.literal("support_reply"),
    to,
    displayName,
    requestId,
    productTitle,
    subject: supportSubject,
    repliedBy: z.enum(["customer", "seller", "staff"]),
    replierName: displayName,
    path: z.union([customerThreadPath, sellerThreadPath]),
  }),
  z.object({
    kind: z.literal("support_resolved"),
    to,
    displayName,
    requestId,
    productTitle,
    subject: supportSubject,
    path: customerThreadPath,
  }),
]);

export type EmailMessage = z.infer<typeof ZEmailMessage>;
export type EmailKind = EmailMessage["kind"];

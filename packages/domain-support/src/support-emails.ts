import type { Database, SupportRequestsTable } from "@digistore/db";
import { getProduct } from "@digistore/domain-catalog";
import { getUserById, type User } from "@digistore/domain-users";
import type { Kysely } from "kysely";
import type { SupportEmailQueue } from "./ports";
import { supportThreadPath, type SupportRole } from "./support-request";

type RequestRow = Pick<
  SupportRequestsTable,
  "id" | "user_id" | "seller_id" | "product_id" | "subject"
>;

/** To the seller, once a request's payment lands: there is a question to answer. */
export async function queueSupportPaid(
  db: Kysely<Database>,
  emails: SupportEmailQueue,
  request: RequestRow,
): Promise<void> {
  const [seller, customer, product] = await Promise.all([
    getUserById({ db }, request.seller_id),
    getUserById({ db }, request.user_id),
    getProduct({ db }, request.product_id),
  ]);
  await emails.queue(db, {
    kind: "support_paid",
    to: seller.email,
    displayName: seller.displayName,
    requestId: request.id,
    productTitle: product.title,
    subject: request.subject,
    customerName: customer.displayName,
    path: supportThreadPath("seller", request.id),
  });
}

/** To the other side: a customer's reply goes to the seller, the store's reply to the customer. */
export async function queueSupportReply(
  db: Kysely<Database>,
  emails: SupportEmailQueue,
  request: RequestRow,
  author: { user: User; role: SupportRole },
): Promise<void> {
  const recipientSide = author.role === "customer" ? "seller" : "customer";
  const [recipient, product] = await Promise.all([
    getUserById({ db }, recipientSide === "seller" ? request.seller_id : request.user_id),
    getProduct({ db }, request.product_id),
  ]);
  await emails.queue(db, {
    kind: "support_reply",
    to: recipient.email,
    displayName: recipient.displayName,
    requestId: request.id,
    productTitle: product.title,
    subject: request.subject,
    repliedBy: author.role,
    replierName: author.user.displayName,
    path: supportThreadPath(recipientSide, request.id),
  });
}

/** To the customer: the request was marked resolved (they may reply to reopen it, or close it). */
export async function queueSupportResolved(
  db: Kysely<Database>,
  emails: SupportEmailQueue,
  request: RequestRow,
): Promise<void> {
  const [customer, product] = await Promise.all([
    getUserById({ db }, request.user_id),
    getProduct({ db }, request.product_id),
  ]);
  await emails.queue(db, {
    kind: "support_resolved",
    to: customer.email,
    displayName: customer.displayName,
    requestId: request.id,
    productTitle: product.title,
    subject: request.subject,
    path: supportThreadPath("customer", request.id),
  });
}

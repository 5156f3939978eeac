import { DAY } from "@digistore/core";
import type {
  OrderStatus,
  SupportAuthorRole,
  SupportRequestsTable,
  SupportStatus,
} from "@digistore/db";

export type { SupportStatus };

/** Who someone is in a request's thread: its customer, the product's seller, or staff. */
export type SupportRole = SupportAuthorRole;

export interface SupportRequest {
  readonly id: string;
  /** The PurchasedProduct this request is support for (a foreign key: no purchase, no request). */
  readonly purchaseId: string;
  readonly customerId: string;
  readonly productId: string;
  readonly sellerId: string;
  /** The request's own Order (kind "support"), paid through the same checkout as products. */
  readonly orderId: string;
  readonly subject: string;
  readonly status: SupportStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly paidAt: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly lastMessageAt: string;
  readonly customerReadAt: string | null;
  readonly sellerReadAt: string | null;
}

export function toSupportRequest(row: SupportRequestsTable): SupportRequest {
  return {
    id: row.id,
    purchaseId: row.purchase_id,
    customerId: row.user_id,
    productId: row.product_id,
    sellerId: row.seller_id,
    orderId: row.order_id,
    subject: row.subject,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    lastMessageAt: row.last_message_at,
    customerReadAt: row.customer_read_at,
    sellerReadAt: row.seller_read_at,
  };
}

/**
 * Statuses that hold a purchase's one support slot. The same list is the predicate of the
 * partial unique index `support_requests_one_active`: change both together (with a migration).
 */
export const ACTIVE_STATUSES: readonly SupportStatus[] = ["awaiting_payment", "open", "answered"];

export function isActive(status: SupportStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** A resolved request nobody touches closes by itself after this long. */
export const AUTO_CLOSE_AFTER_MS = 14 * DAY;

/** Everything that can happen to a request: its order's fate, and what people do in it. */
export type SupportEvent =
  | "paid"
  | "payment_lapsed"
  | "refunded"
  | "customer_reply"
  | "seller_reply"
  | "staff_reply"
  | "resolve"
  | "close"
  | "auto_close";

/**
 * The whole lifecycle. A missing entry is an illegal move. Notes on the less obvious ones:
 * - staff reply on the store's side, like the seller (→ answered);
 * - a customer's reply to a resolved request reopens it (→ open); the seller cannot reopen;
 * - any refund of the support order, full or partial, cancels the request (thread stays);
 * - `expired → open`: a payment that lands after its order expired still buys the support.
 */
const TRANSITIONS: Record<SupportStatus, Partial<Record<SupportEvent, SupportStatus>>> = {
  awaiting_payment: { paid: "open", payment_lapsed: "expired", refunded: "cancelled" },
  open: {
    customer_reply: "open",
    seller_reply: "answered",
    staff_reply: "answered",
    resolve: "resolved",
    close: "closed",
    refunded: "cancelled",
  },
  answered: {
    customer_reply: "open",
    seller_reply: "answered",
    staff_reply: "answered",
    resolve: "resolved",
    close: "closed",
    refunded: "cancelled",
  },
  resolved: {
    customer_reply: "open",
    close: "closed",
    auto_close: "closed",
    refunded: "cancelled",
  },
  closed: { refunded: "cancelled" },
  cancelled: {},
  expired: { paid: "open", refunded: "cancelled" },
};

/** Where `event` takes a request in `from`, or null when the move is not allowed. */
export function nextStatus(from: SupportStatus, event: SupportEvent): SupportStatus | null {
  return TRANSITIONS[from][event] ?? null;
}

export function canTransition(from: SupportStatus, event: SupportEvent): boolean {
  return nextStatus(from, event) !== null;
}

/**
 * What an order's status means for its support request, or null (still pending). The hook
 * feeds this to the table, so running it again on the same order changes nothing.
 */
export function eventForOrderStatus(status: OrderStatus): SupportEvent | null {
  switch (status) {
    case "paid":
    case "disputed":
      return "paid";
    case "refunded":
    case "partially_refunded":
      return "refunded";
    case "failed":
    case "cancelled":
    case "expired":
      return "payment_lapsed";
    case "pending":
      return null;
  }
}

/** The viewer's part in a request, or null: a stranger, who must not learn it exists. */
export function roleOf(
  user: { readonly id: string; readonly roles: { readonly staff: boolean } },
  request: Pick<SupportRequest, "customerId" | "sellerId">,
): SupportRole | null {
  if (user.id === request.customerId) return "customer";
  if (user.id === request.sellerId) return "seller";
  if (user.roles.staff) return "staff";
  return null;
}

export function replyEvent(role: SupportRole): SupportEvent {
  return role === "customer"
    ? "customer_reply"
    : role === "seller"
      ? "seller_reply"
      : "staff_reply";
}

/** Resolving is the store's side; closing is the customer's (staff may do both). */
export function mayResolve(role: SupportRole): boolean {
  return role !== "customer";
}

export function mayClose(role: SupportRole): boolean {
  return role !== "seller";
}

export interface SupportActions {
  readonly reply: boolean;
  readonly resolve: boolean;
  readonly close: boolean;
}

/** The buttons a thread shows this viewer: the same rules the verbs enforce. */
export function availableActions(role: SupportRole, status: SupportStatus): SupportActions {
  return {
    reply: canTransition(status, replyEvent(role)),
    resolve: mayResolve(role) && canTransition(status, "resolve"),
    close: mayClose(role) && canTransition(status, "close"),
  };
}

/** Why `event` cannot happen to a request in `status`, in words for the person who tried. */
export function refusalFor(status: SupportStatus, event: SupportEvent): string {
  switch (status) {
    case "awaiting_payment":
      return "This support request is waiting for its payment.";
    case "closed":
      return "This support request is closed. Open a new one if you need more help.";
    case "cancelled":
      return "This support request was cancelled because its payment was refunded.";
    case "expired":
      return "This support request expired before it was paid.";
    case "resolved":
      return event === "resolve"
        ? "This support request is already resolved."
        : "This support request is resolved: the customer can reopen it by replying.";
    case "open":
    case "answered":
      return "This support request cannot do that right now.";
  }
}

/**
 * The unread marker for one side: something new since that side last looked, written by
 * someone else. Staff have no marker.
 */
export function isUnreadFor(
  side: "customer" | "seller",
  request: Pick<SupportRequest, "lastMessageAt" | "customerReadAt" | "sellerReadAt">,
  lastAuthorRole: SupportRole | null,
): boolean {
  if (lastAuthorRole === null || lastAuthorRole === side) return false;
  const readAt = side === "customer" ? request.customerReadAt : request.sellerReadAt;
  return readAt === null || request.lastMessageAt > readAt;
}

/** Where each side reads a thread in the web app (and where emails link). */
export function supportThreadPath(side: "customer" | "seller", requestId: string): string {
  return side === "customer" ? `/supports/${requestId}` : `/seller/support/${requestId}`;
}

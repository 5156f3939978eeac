import type { Money } from "@digistore/core";
import type { OrderKind, OrderStatus, OrdersTable } from "@digistore/db";

export type { OrderKind, OrderStatus };

export interface Order {
  readonly id: string;
  readonly userId: string;
  readonly productId: string;
  readonly kind: OrderKind;
  readonly total: Money;
  readonly refunded: Money;
  readonly status: OrderStatus;
  readonly provider: string;
  readonly providerPaymentId: string | null;
  readonly billingCountry: string;
  readonly createdAt: string;
  readonly paidAt: string | null;
  readonly expiresAt: string;
  /** The discount code it was placed with. */
  readonly discountCode: string | null;
}

export function toOrder(row: OrdersTable): Order {
  return {
    id: row.id,
    userId: row.user_id,
    productId: row.product_id,
    kind: row.kind,
    total: { amount: row.amount, currency: row.currency },
    refunded: { amount: row.refunded_amount, currency: row.currency },
    status: row.status,
    provider: row.provider,
    providerPaymentId: row.provider_payment_id,
    billingCountry: row.billing_country,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    expiresAt: row.expires_at,
    discountCode: row.discount_code,
  };
}

/** Statuses in which money reached the seller at some point. */
export const PAID_ORDER_STATUSES: readonly OrderStatus[] = [
  "paid",
  "partially_refunded",
  "refunded",
  "disputed",
];

export function wasPaid(status: OrderStatus): boolean {
  return PAID_ORDER_STATUSES.includes(status);
}

export const PENDING_ORDER_TTL_MS = 24 * 60 * 60 * 1000;

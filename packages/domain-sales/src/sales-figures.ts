import { PAID_ORDER_STATUSES, type Order } from "@digistore/domain-orders";

/** What a set of orders adds to a seller's numbers, in one currency's minor units. */
export interface SalesFigures {
  readonly sales: number;
  readonly gross: number;
  readonly refunds: number;
  /** Sales with any refund. */
  readonly refundedSales: number;
  /** What lost disputes took back beyond any refund. */
  readonly disputeLosses: number;
  /** Sales that were their buyer's first product order with the seller. */
  readonly newCustomers: number;
}

export const NO_SALES: SalesFigures = {
  sales: 0,
  gross: 0,
  refunds: 0,
  refundedSales: 0,
  disputeLosses: 0,
  newCustomers: 0,
};

const FIELDS = Object.keys(NO_SALES) as (keyof SalesFigures)[];

export function addFigures(a: SalesFigures, b: SalesFigures): SalesFigures {
  return Object.fromEntries(FIELDS.map((f) => [f, a[f] + b[f]])) as unknown as SalesFigures;
}

export function subtractFigures(a: SalesFigures, b: SalesFigures): SalesFigures {
  return Object.fromEntries(FIELDS.map((f) => [f, a[f] - b[f]])) as unknown as SalesFigures;
}

export function isZero(figures: SalesFigures): boolean {
  return FIELDS.every((f) => figures[f] === 0);
}

/** What the seller keeps: gross less refunds and lost disputes. */
export function netOf(figures: SalesFigures): number {
  return figures.gross - figures.refunds - figures.disputeLosses;
}

const PAID = new Set(PAID_ORDER_STATUSES);

/**
 * One order's part of the numbers, without the new-customer count (which depends on the
 * buyer's other orders). A lost dispute leaves the order `refunded` with less than its amount
 * refunded: the rest is what the dispute took. Unpaid orders add nothing.
 */
export function orderFigures(order: Order): SalesFigures {
  if (!PAID.has(order.status)) return NO_SALES;
  const amount = order.total.amount;
  const refunded = order.refunded.amount;
  return {
    sales: 1,
    gross: amount,
    refunds: refunded,
    refundedSales: refunded > 0 ? 1 : 0,
    disputeLosses: order.status === "refunded" && refunded < amount ? amount - refunded : 0,
    newCustomers: 0,
  };
}

/** The UTC hour an order counts in: when it was placed, which never changes. */
export function orderHour(createdAt: string): string {
  return `${createdAt.slice(0, 13)}:00:00.000Z`;
}

import { newId } from "@digistore/core";
import type { Database, OrderKind, OrderStatus, OrdersTable } from "@digistore/db";
import type { Kysely, Selectable } from "kysely";
import { insertOrderRow } from "./orders.repository";

export interface TestOrderOptions {
  readonly userId: string;
  readonly productId: string;
  readonly amount: number;
  readonly id?: string;
  readonly kind?: OrderKind;
  readonly status?: OrderStatus;
  readonly currency?: string;
  readonly provider?: string;
  /** Defaults to `cks_<id>`; null for an order the provider never saw. */
  readonly checkoutId?: string | null;
  /** Defaults to null, or `pay_<id>` for a paid order. */
  readonly paymentId?: string | null;
  readonly billingCountry?: string;
  /** When the order was placed (and paid, if it is); defaults to now. */
  readonly at?: Date;
  /** Defaults to far in the future, so sweepers leave the order alone. */
  readonly expiresAt?: string;
}

/**
 * An order row straight into the database, as checkout (and payment, for `status: "paid"`)
 * would leave it: for tests that need an order without driving a checkout.
 */
export async function createTestOrder(
  db: Kysely<Database>,
  options: TestOrderOptions,
): Promise<Selectable<OrdersTable>> {
  const id = options.id ?? newId();
  const now = (options.at ?? new Date()).toISOString();
  const paid = options.status === "paid";
  const product = await db
    .selectFrom("products")
    .select("seller_id")
    .where("id", "=", options.productId)
    .executeTakeFirstOrThrow();
  const row: Selectable<OrdersTable> = {
    id,
    user_id: options.userId,
    seller_id: product.seller_id,
    product_id: options.productId,
    kind: options.kind ?? "product",
    amount: options.amount,
    currency: options.currency ?? "USD",
    status: options.status ?? "pending",
    refunded_amount: 0,
    provider: options.provider ?? "dodo",
    provider_checkout_id: options.checkoutId === undefined ? `cks_${id}` : options.checkoutId,
    provider_payment_id:
      options.paymentId === undefined ? (paid ? `pay_${id}` : null) : options.paymentId,
    billing_country: options.billingCountry ?? "DE",
    billing_address: null,
    created_at: now,
    updated_at: now,
    paid_at: paid ? now : null,
    expires_at: options.expiresAt ?? "2999-01-01T00:00:00.000Z",
    discount_code: null,
  };
  await insertOrderRow(db, row);
  return row;
}

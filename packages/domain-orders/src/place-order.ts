import { ServiceUnavailableError, newId, type Money } from "@digistore/core";
import type { Database, OrderKind, OrdersTable } from "@digistore/db";
import type { Insertable, Kysely } from "kysely";
import type { User } from "@digistore/domain-users";
import { PENDING_ORDER_TTL_MS } from "./order";
import { insertOrderRow, updateOrderRow } from "./orders.repository";
import type { CheckoutDiscounts, OrdersContext } from "./ports";
import type { BillingAddress } from "./provider";

export interface PlacedOrder {
  readonly orderId: string;
  /** The provider's hosted checkout page. */
  readonly redirectUrl: string;
}

/**
 * One pipeline for everything sold (products and support): a new pending Order is stored
 * first — kept forever, whatever happens — then the provider's checkout is opened for it.
 * Nothing is granted here; only a verified provider event can do that.
 */
export async function placeOrder(
  deps: Pick<OrdersContext, "db" | "dialect" | "clock" | "payments" | "publicUrl" | "discounts">,
  input: {
    buyer: User;
    product: { id: string; title: string; sellerId: string };
    kind: OrderKind;
    price: Money;
    /**
     * The least the provider may accept when the amount is the store's choice (pay what you
     * want, a discount); `price` is what this order charges.
     */
    minimumPrice?: Money | undefined;
    /** The code this order is placed with; held in the same transaction as the order. */
    discount?: { discountId: string; code: string; listAmount: number } | undefined;
    billingCountry: string;
    billingAddress?: BillingAddress | undefined;
    /** Where the provider's back button leads (a path of the store); default My Products. */
    backPath?: string;
  },
): Promise<PlacedOrder> {
  const now = deps.clock.now();
  const orderId = newId(now.getTime());
  const row: Insertable<OrdersTable> = {
    id: orderId,
    user_id: input.buyer.id,
    seller_id: input.product.sellerId,
    product_id: input.product.id,
    kind: input.kind,
    amount: input.price.amount,
    currency: input.price.currency,
    status: "pending",
    refunded_amount: 0,
    provider: deps.payments.name,
    provider_checkout_id: null,
    provider_payment_id: null,
    billing_country: input.billingCountry,
    billing_address: input.billingAddress ? JSON.stringify(input.billingAddress) : null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    paid_at: null,
    expires_at: new Date(now.getTime() + PENDING_ORDER_TTL_MS).toISOString(),
    discount_code: input.discount?.code ?? null,
  };
  const discount = input.discount;
  if (discount) {
    await deps.db.transaction().execute(async (trx) => {
      await insertOrderRow(trx, row);
      await holdDiscount(deps, trx, {
        discountId: discount.discountId,
        orderId,
        buyerId: input.buyer.id,
        productId: input.product.id,
        listAmount: discount.listAmount,
      });
    });
  } else {
    await insertOrderRow(deps.db, row);
  }
  const base = deps.publicUrl.replace(/\/$/, "");
  let checkout: { redirectUrl: string; checkoutId: string };
  try {
    checkout = await deps.payments.createCheckout({
      orderId,
      kind: input.kind,
      product: input.product,
      price: input.price,
      ...(input.minimumPrice ? { minimumPrice: input.minimumPrice } : {}),
      customer: { email: input.buyer.email, name: input.buyer.displayName },
      billing: { country: input.billingCountry, address: input.billingAddress },
      returnUrl: `${base}/checkout/return?order=${orderId}`,
      cancelUrl: `${base}${input.backPath ?? "/library"}`,
    });
  } catch (error) {
    await updateOrderRow(deps.db, orderId, {
      status: "cancelled",
      updated_at: deps.clock.now().toISOString(),
    });
    void error;
    throw new ServiceUnavailableError(
      "The payment provider could not start a checkout. Please try again in a minute.",
      60,
    );
  }
  await updateOrderRow(deps.db, orderId, { provider_checkout_id: checkout.checkoutId });
  return { orderId, redirectUrl: checkout.redirectUrl };
}

function holdDiscount(
  deps: Pick<OrdersContext, "dialect" | "discounts">,
  trx: Kysely<Database>,
  use: Parameters<CheckoutDiscounts["hold"]>[2],
): Promise<void> {
  if (!deps.discounts) throw new Error("An order with a discount needs the discounts module");
  return deps.discounts.hold(trx, deps.dialect, use);
}

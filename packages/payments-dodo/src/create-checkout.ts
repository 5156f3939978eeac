import type { CheckoutRequest } from "@digistore/domain-orders";
import type { CheckoutSessionBillingAddress } from "dodopayments/resources/checkout-sessions";
import type { CountryCode } from "dodopayments/resources/misc";
import { callDodo } from "./dodo-client";
import { deleteProviderProductRow } from "./provider-products.repository";
import { DODO_PROVIDER, syncProduct, type SyncProductDeps } from "./sync-product";

/** Dodo's billing address: the country is required, empty optional fields are left out. */
export function billingAddress(billing: CheckoutRequest["billing"]): CheckoutSessionBillingAddress {
  const address: CheckoutSessionBillingAddress = {
    country: billing.country.trim().toUpperCase() as CountryCode,
  };
  for (const field of ["street", "city", "state", "zipcode"] as const) {
    const value = billing.address?.[field]?.trim();
    if (value) address[field] = value;
  }
  return address;
}

/**
 * Syncs the product, then opens Dodo's hosted checkout for one unit of it. Our order id and
 * kind travel as the session's metadata, so payment events name the order.
 */
export async function createDodoCheckout(
  deps: SyncProductDeps,
  request: CheckoutRequest,
): Promise<{ redirectUrl: string; checkoutId: string }> {
  const sync = () =>
    syncProduct(deps, {
      productId: request.product.id,
      kind: request.kind,
      title: request.product.title,
      price: request.price,
    });
  const productId = await sync();
  try {
    return await openSession(deps, request, productId);
  } catch (error) {
    // Our cached Dodo product may be gone (deleted in the dashboard, a fresh emulator):
    // forget it, create it again, and try once more.
    if (!isClientError(error)) throw error;
    await deleteProviderProductRow(
      deps.db,
      { provider: DODO_PROVIDER, productId: request.product.id, kind: request.kind },
      productId,
    );
    return openSession(deps, request, await sync());
  }
}

function isClientError(error: unknown): boolean {
  const status = (error as { cause?: { status?: unknown } }).cause?.status;
  return (
    typeof status === "number" && status >= 400 && status < 500 && status !== 401 && status !== 403
  );
}

async function openSession(
  deps: SyncProductDeps,
  request: CheckoutRequest,
  productId: string,
): Promise<{ redirectUrl: string; checkoutId: string }> {
  const name = request.customer.name.trim();
  const session = await callDodo("create the checkout session", () =>
    deps.client.checkoutSessions.create({
      product_cart: [{ product_id: productId, quantity: 1 }],
      customer: { email: request.customer.email, ...(name ? { name } : {}) },
      billing_address: billingAddress(request.billing),
      return_url: request.returnUrl,
      metadata: { order_id: request.orderId, kind: request.kind },
    }),
  );
  if (!session.checkout_url) {
    throw new Error(`Dodo Payments returned no checkout URL for session ${session.session_id}`);
  }
  return { redirectUrl: session.checkout_url, checkoutId: session.session_id };
}

import type { CheckoutRequest } from "@digistore/domain-orders";
import { NotFoundError } from "dodopayments";
import { checkoutSessionParams } from "./checkout-session-params";
import { callDodo } from "./dodo-client";
import { deleteProviderProductRow } from "./provider-products.repository";
import { DODO_PROVIDER, syncProduct, type SyncProductDeps } from "./sync-product";

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
      price: request.minimumPrice ?? request.price,
      payWhatYouWant: request.minimumPrice !== undefined,
    });
  const productId = await sync();
  try {
    return await openSession(deps, request, productId);
  } catch (error) {
    // Our cached Dodo product may be gone (deleted in the dashboard, a fresh emulator). Only
    // when Dodo confirms it does not know the product is it forgotten and created again: any
    // other refusal re-creating it would leave an orphan product in the seller's account.
    if (!isClientError(error) || (await dodoKnowsProduct(deps, productId))) throw error;
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

/** Asks Dodo whether the product exists; a 404 is the one answer that means "stale". */
async function dodoKnowsProduct(deps: SyncProductDeps, productId: string): Promise<boolean> {
  try {
    await callDodo("look up the product", () => deps.client.products.retrieve(productId));
    return true;
  } catch (error) {
    if (error instanceof Error && error.cause instanceof NotFoundError) return false;
    throw error;
  }
}

async function openSession(
  deps: SyncProductDeps,
  request: CheckoutRequest,
  productId: string,
): Promise<{ redirectUrl: string; checkoutId: string }> {
  const session = await callDodo("create the checkout session", () =>
    deps.client.checkoutSessions.create(checkoutSessionParams(request, productId)),
  );
  if (!session.checkout_url) {
    throw new Error(`Dodo Payments returned no checkout URL for session ${session.session_id}`);
  }
  return { redirectUrl: session.checkout_url, checkoutId: session.session_id };
}

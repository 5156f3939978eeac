import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  parseInput,
} from "@digistore/core";
import { getProductBySlug } from "@digistore/domain-catalog";
import type { User } from "@digistore/domain-users";
import { getAccess } from "./access";
import { ZStartCheckoutInput } from "./checkout.schemas";
import { placeOrder, type PlacedOrder } from "./place-order";
import type { OrdersDeps } from "./ports";

/** Why this person may not buy this product right now, or null when they may. */
export function checkoutRefusal(
  buyer: User,
  product: { sellerId: string; status: string },
): string | null {
  if (buyer.roles.staff || !buyer.roles.customer)
    return "Staff accounts run the store and cannot buy.";
  if (!buyer.emailVerified) return "Verify your email address before buying.";
  if (buyer.id === product.sellerId) return "You cannot buy your own product.";
  if (product.status !== "published") return "This product is not on sale.";
  return null;
}

/** "Continue to secure payment": a pending order and the provider's checkout URL. */
export async function startCheckout(
  deps: OrdersDeps,
  buyer: User,
  rawInput: unknown,
): Promise<PlacedOrder> {
  const input = parseInput(ZStartCheckoutInput, rawInput);
  const product = await getProductBySlug(deps, input.productSlug).catch(() => null);
  if (!product || product.status === "draft") throw new NotFoundError("Product not found.");
  const refusal = checkoutRefusal(buyer, product);
  if (refusal) {
    throw buyer.roles.staff || buyer.id === product.sellerId
      ? new ForbiddenError(refusal)
      : new PreconditionFailedError(refusal);
  }
  const access = await getAccess(deps.db, buyer, product);
  if (access === "owner" || access === "suspended")
    throw new ConflictError("You already own this product: find it in My Products.");
  return placeOrder(deps, {
    buyer,
    product: { id: product.id, title: product.title },
    kind: "product",
    price: product.price,
    billingCountry: input.billingCountry,
    billingAddress: input.billingAddress,
    backPath: `/products/${encodeURIComponent(product.slug)}`,
  });
}

import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  parseInput,
  requireUser,
} from "@digistore/core";
import { getProductBySlug } from "@digistore/domain-catalog";
import { getUserById, type User } from "@digistore/domain-users";
import { getAccess } from "./access";
import { ZStartCheckoutInput } from "./checkout.schemas";
import { checkoutPricing } from "./checkout-price";
import { chosenPrice } from "./chosen-price";
import { placeOrder, type PlacedOrder } from "./place-order";
import type { OrdersContext } from "./ports";

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
  ctx: Pick<
    OrdersContext,
    "db" | "dialect" | "clock" | "actor" | "payments" | "publicUrl" | "discounts"
  >,
  rawInput: unknown,
): Promise<PlacedOrder> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZStartCheckoutInput, rawInput);
  // The whole record: whether they may buy, and the email and name the provider is given.
  const buyer = await getUserById(ctx, userId);
  const product = await getProductBySlug(ctx, input.productSlug).catch(() => null);
  if (!product || product.status === "draft") throw new NotFoundError("Product not found.");
  const refusal = checkoutRefusal(buyer, product);
  if (refusal) {
    throw buyer.roles.staff || buyer.id === product.sellerId
      ? new ForbiddenError(refusal)
      : new PreconditionFailedError(refusal);
  }
  const access = await getAccess(ctx.db, buyer, product);
  if (access === "owner" || access === "suspended")
    throw new ConflictError("You already own this product: find it in My Products.");
  const pricing = await checkoutPricing(ctx, buyer.id, product, input.discountCode);
  return placeOrder(ctx, {
    buyer,
    product: { id: product.id, title: product.title, sellerId: product.sellerId },
    kind: "product",
    price: chosenPrice(pricing.product, input.amount),
    minimumPrice: pricing.providerFloor,
    discount: pricing.discount
      ? {
          discountId: pricing.discount.discountId,
          code: pricing.discount.code,
          listAmount: product.price.amount,
        }
      : undefined,
    billingCountry: input.billingCountry,
    billingAddress: input.billingAddress,
    backPath: `/products/${encodeURIComponent(product.slug)}`,
  });
}

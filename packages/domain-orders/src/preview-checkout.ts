import {
  ConflictError,
  parseInput,
  requireUser,
  ValidationError,
  type Money,
} from "@digistore/core";
import { getProductPage, type CatalogContext, type ProductPage } from "@digistore/domain-catalog";
import { getUserById } from "@digistore/domain-users";
import { getAccess } from "./access";
import { ZCheckoutPreviewInput } from "./checkout.schemas";
import { checkoutPricing } from "./checkout-price";
import type { DiscountableProduct, OrdersContext } from "./ports";
import { checkoutRefusal } from "./start-checkout";

export interface CheckoutPreview {
  readonly product: {
    readonly id: string;
    readonly slug: string;
    readonly title: string;
    /** The fixed price, or the least a buyer may pay when `payWhatYouWant`. */
    readonly price: Money;
    readonly payWhatYouWant: boolean;
    readonly suggestedPrice: Money | null;
    readonly coverUrl: string | null;
  };
  readonly seller: ProductPage["seller"];
  /** They hold it already (active or suspended): the page sends them to their library. */
  readonly owned: boolean;
  /** Why they may not buy it, in words for the page; null when they may. */
  readonly refusal: string | null;
  /** The code they applied, and the price after it (`product.price` stays the price before). */
  readonly discount: {
    readonly code: string;
    readonly label: string;
    readonly price: Money;
    readonly suggestedPrice: Money | null;
  } | null;
  /** Why the code they typed does not apply, in words for the page. */
  readonly discountRefusal: string | null;
}

/** What the checkout page shows, and whether this person may buy (with the reason if not). */
export async function previewCheckout(
  ctx: Pick<OrdersContext, "db" | "clock" | "actor" | "discounts"> &
    Pick<CatalogContext, "catalogLimits">,
  input: unknown,
): Promise<CheckoutPreview> {
  const { userId } = requireUser(ctx.actor);
  const { productSlug, discountCode } = parseInput(ZCheckoutPreviewInput, input);
  const page = await getProductPage(ctx, { slug: productSlug });
  const buyer = await getUserById(ctx, userId);
  const access = await getAccess(ctx.db, buyer, page.product);
  const applied = await appliedCode(ctx, buyer.id, page.product, discountCode);
  return {
    product: {
      id: page.product.id,
      slug: page.product.slug,
      title: page.product.title,
      price: page.product.price,
      payWhatYouWant: page.product.payWhatYouWant,
      suggestedPrice: page.product.suggestedPrice,
      coverUrl: page.coverUrl,
    },
    seller: page.seller,
    owned: access === "owner" || access === "suspended",
    refusal: checkoutRefusal(buyer, page.product),
    ...applied,
  };
}

/** The code's effect for the page, or why it does not apply (shown, not thrown). */
async function appliedCode(
  ctx: Pick<OrdersContext, "db" | "discounts">,
  buyerId: string,
  product: DiscountableProduct,
  code: string | undefined,
): Promise<Pick<CheckoutPreview, "discount" | "discountRefusal">> {
  try {
    const { discount } = await checkoutPricing(ctx, buyerId, product, code);
    return {
      discount: discount && {
        code: discount.code,
        label: discount.label,
        price: discount.price,
        suggestedPrice: discount.suggestedPrice,
      },
      discountRefusal: null,
    };
  } catch (error) {
    if (error instanceof ValidationError || error instanceof ConflictError) {
      return { discount: null, discountRefusal: error.message };
    }
    throw error;
  }
}

import { parseInput, requireUser, type Money } from "@digistore/core";
import { getProductPage, type CatalogContext, type ProductPage } from "@digistore/domain-catalog";
import { getUserById } from "@digistore/domain-users";
import { getAccess } from "./access";
import { ZCheckoutPreviewInput } from "./checkout.schemas";
import type { OrdersContext } from "./ports";
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
}

/** What the checkout page shows, and whether this person may buy (with the reason if not). */
export async function previewCheckout(
  ctx: Pick<OrdersContext, "db" | "clock" | "actor"> & Pick<CatalogContext, "catalogLimits">,
  input: unknown,
): Promise<CheckoutPreview> {
  const { userId } = requireUser(ctx.actor);
  const { productSlug } = parseInput(ZCheckoutPreviewInput, input);
  const page = await getProductPage(ctx, { slug: productSlug });
  const buyer = await getUserById(ctx, userId);
  const access = await getAccess(ctx.db, buyer, page.product);
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
  };
}

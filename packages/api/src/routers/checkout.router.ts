import {
  getAccess,
  getOrderForBuyer,
  startCheckout,
  checkoutRefusal,
  ZCheckoutPreviewInput,
  ZOrderRef,
  ZStartCheckoutInput,
} from "@digistore/domain-orders";
import { getProductPage } from "@digistore/domain-catalog";
import { authedProcedure, router } from "../procedures";

export const checkoutRouter = router({
  /** What the checkout page shows, and whether this person may buy (with the reason if not). */
  preview: authedProcedure.input(ZCheckoutPreviewInput).query(async ({ ctx, input }) => {
    const page = await getProductPage(ctx, { slug: input.productSlug });
    const buyer = ctx.user;
    const access = await getAccess(ctx.db, buyer, page.product);
    return {
      product: {
        id: page.product.id,
        slug: page.product.slug,
        title: page.product.title,
        price: page.product.price,
        coverUrl: page.coverUrl,
      },
      seller: page.seller,
      owned: access === "owner" || access === "suspended",
      refusal: checkoutRefusal(buyer, page.product),
    };
  }),

  /** "Continue to secure payment": creates the pending order and returns the provider's URL. */
  start: authedProcedure
    .input(ZStartCheckoutInput)
    .mutation(({ ctx, input }) => startCheckout(ctx, input)),

  /** The return page polls this; it reads and never grants. */
  status: authedProcedure.input(ZOrderRef).query(({ ctx, input }) => getOrderForBuyer(ctx, input)),
});

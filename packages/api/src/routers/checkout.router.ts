import {
  getAccess,
  getOrderForBuyer,
  startCheckout,
  checkoutRefusal,
  ZStartCheckoutInput,
} from "@digistore/domain-orders";
import { getProductPage } from "@digistore/domain-catalog";
import { z } from "zod";
import { actorUser, ordersDeps } from "../deps";
import { authedProcedure, router } from "../procedures";

export const checkoutRouter = router({
  /** What the checkout page shows, and whether this person may buy (with the reason if not). */
  preview: authedProcedure
    .input(z.object({ productSlug: z.string().min(1).max(80) }))
    .query(async ({ ctx, input }) => {
      const page = await getProductPage(ctx, { slug: input.productSlug });
      const buyer = actorUser(ctx);
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
    .mutation(({ ctx, input }) => startCheckout(ordersDeps(ctx), actorUser(ctx), input)),

  /** The return page polls this; it reads and never grants. */
  status: authedProcedure
    .input(z.object({ orderId: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const order = await getOrderForBuyer(ctx.db, actorUser(ctx).id, input.orderId);
      return order;
    }),
});

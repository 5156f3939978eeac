import {
  getOrderForBuyer,
  previewCheckout,
  startCheckout,
  ZCheckoutPreviewInput,
  ZOrderRef,
  ZStartCheckoutInput,
} from "@digistore/domain-orders";
import { recordOrderAttribution } from "@digistore/domain-shorturl";
import { authedProcedure, router } from "../procedures";

export const checkoutRouter = router({
  /** What the checkout page shows, and whether this person may buy (with the reason if not). */
  preview: authedProcedure
    .input(ZCheckoutPreviewInput)
    .query(({ ctx, input }) => previewCheckout(ctx, input)),

  /** "Continue to secure payment": creates the pending order and returns the provider's URL. */
  start: authedProcedure.input(ZStartCheckoutInput).mutation(async ({ ctx, input }) => {
    const placed = await startCheckout(ctx, input);
    // A short link's cookie, if any, is remembered beside the order; it never affects it.
    await recordOrderAttribution(ctx, {
      orderId: placed.orderId,
      cookie: ctx.request.attributionCookie,
    });
    return placed;
  }),

  /** The return page polls this; it reads and never grants. */
  status: authedProcedure.input(ZOrderRef).query(({ ctx, input }) => getOrderForBuyer(ctx, input)),
});

import { getProduct } from "@digistore/domain-catalog";
import {
  closeSupportRequest,
  getSupportEligibility,
  getSupportThread,
  listMySupportRequests,
  listSellerInbox,
  openSupportRequest,
  replyToSupportRequest,
  resolveSupportRequest,
  ZOpenSupportRequestInput,
  ZReplyInput,
  ZSellerInboxFilter,
  ZSupportRequestRef,
} from "@digistore/domain-support";
import { z } from "zod";
import { actorUser, supportDeps } from "../deps";
import { authedProcedure, router, sellerProcedure } from "../procedures";

/** Paid support. Visibility (customer, the product's seller, staff) is decided in the verbs. */
export const supportRouter = router({
  /** What the "Get support" page needs: the product, its price, and whether this person may ask. */
  eligibility: authedProcedure
    .input(z.object({ productId: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const product = await getProduct({ db: ctx.db }, input.productId);
      const eligibility = await getSupportEligibility(ctx.db, actorUser(ctx), product);
      return {
        product: {
          id: product.id,
          title: product.title,
          slug: product.slug,
          supportPrice: product.supportPrice,
        },
        eligibility,
      };
    }),
  open: authedProcedure
    .input(ZOpenSupportRequestInput)
    .mutation(({ ctx, input }) => openSupportRequest(supportDeps(ctx), actorUser(ctx), input)),
  mine: authedProcedure.query(({ ctx }) => listMySupportRequests(supportDeps(ctx), actorUser(ctx))),
  thread: authedProcedure
    .input(ZSupportRequestRef)
    .query(({ ctx, input }) =>
      getSupportThread(supportDeps(ctx), { user: actorUser(ctx) }, input.requestId),
    ),
  reply: authedProcedure
    .input(ZReplyInput)
    .mutation(({ ctx, input }) =>
      replyToSupportRequest(supportDeps(ctx), { user: actorUser(ctx) }, input),
    ),
  resolve: authedProcedure
    .input(ZSupportRequestRef)
    .mutation(({ ctx, input }) =>
      resolveSupportRequest(supportDeps(ctx), { user: actorUser(ctx) }, input),
    ),
  close: authedProcedure
    .input(ZSupportRequestRef)
    .mutation(({ ctx, input }) =>
      closeSupportRequest(supportDeps(ctx), { user: actorUser(ctx) }, input),
    ),
  /** The seller's inbox: requests on their own products, after payment. */
  inbox: sellerProcedure
    .input(ZSellerInboxFilter)
    .query(({ ctx, input }) => listSellerInbox(supportDeps(ctx), actorUser(ctx), input)),
});

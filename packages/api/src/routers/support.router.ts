import {
  checkSupportEligibility,
  closeSupportRequest,
  getSupportThread,
  listMySupportRequests,
  listSellerInbox,
  openSupportRequest,
  replyToSupportRequest,
  resolveSupportRequest,
  ZOpenSupportRequestInput,
  ZReplyInput,
  ZSellerInboxFilter,
  ZSupportProductRef,
  ZSupportRequestRef,
} from "@digistore/domain-support";
import { authedProcedure, router, sellerProcedure } from "../procedures";

/** Paid support. Visibility (customer, the product's seller, staff) is decided in the verbs. */
export const supportRouter = router({
  /** What the "Get support" page needs: the product, its price, and whether this person may ask. */
  eligibility: authedProcedure
    .input(ZSupportProductRef)
    .query(({ ctx, input }) => checkSupportEligibility(ctx, input)),
  open: authedProcedure
    .input(ZOpenSupportRequestInput)
    .mutation(({ ctx, input }) => openSupportRequest(ctx, input)),
  mine: authedProcedure.query(({ ctx }) => listMySupportRequests(ctx)),
  thread: authedProcedure
    .input(ZSupportRequestRef)
    .query(({ ctx, input }) => getSupportThread(ctx, input)),
  reply: authedProcedure
    .input(ZReplyInput)
    .mutation(({ ctx, input }) => replyToSupportRequest(ctx, input)),
  resolve: authedProcedure
    .input(ZSupportRequestRef)
    .mutation(({ ctx, input }) => resolveSupportRequest(ctx, input)),
  close: authedProcedure
    .input(ZSupportRequestRef)
    .mutation(({ ctx, input }) => closeSupportRequest(ctx, input)),
  /** The seller's inbox: requests on their own products, after payment. */
  inbox: sellerProcedure
    .input(ZSellerInboxFilter)
    .query(({ ctx, input }) => listSellerInbox(ctx, input)),
});

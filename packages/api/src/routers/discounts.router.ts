import {
  createDiscount,
  getDiscount,
  listDiscounts,
  setDiscountDisabled,
  ZCreateDiscountInput,
  ZDiscountRef,
  ZSetDiscountDisabledInput,
} from "@digistore/domain-discounts";
import { router, sellerProcedure } from "../procedures";

/** The seller's codes; whose code it is, is checked in the verbs. */
export const sellerDiscountsRouter = router({
  list: sellerProcedure.query(({ ctx }) => listDiscounts(ctx)),
  get: sellerProcedure.input(ZDiscountRef).query(({ ctx, input }) => getDiscount(ctx, input)),
  create: sellerProcedure
    .input(ZCreateDiscountInput)
    .mutation(({ ctx, input }) => createDiscount(ctx, input)),
  setDisabled: sellerProcedure
    .input(ZSetDiscountDisabledInput)
    .mutation(({ ctx, input }) => setDiscountDisabled(ctx, input)),
});

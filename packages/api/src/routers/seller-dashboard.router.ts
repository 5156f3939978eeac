import { getSellerDashboard, ZSellerDashboardInput } from "@digistore/domain-sales";
import { authedProcedure } from "../procedures";

/** Sellers see their own numbers; staff may name any seller (the verb decides). */
export const sellerDashboardProcedure = authedProcedure
  .input(ZSellerDashboardInput)
  .query(({ ctx, input }) => getSellerDashboard(ctx, input));

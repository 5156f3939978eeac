import {
  becomeSeller,
  changePassword,
  listSessions,
  updateProfile,
  ZBecomeSellerInput,
  ZChangePasswordInput,
  ZUpdateProfileInput,
} from "@digistore/domain-users";
import { authedProcedure, router } from "../procedures";

export const accountRouter = router({
  profile: authedProcedure.query(({ ctx }) => ctx.user),

  updateProfile: authedProcedure
    .input(ZUpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),

  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),

  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx)),

  becomeSeller: authedProcedure
    .input(ZBecomeSellerInput)
    .mutation(({ ctx, input }) => becomeSeller(ctx, input)),
});

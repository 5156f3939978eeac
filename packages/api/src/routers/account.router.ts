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
import { usersDeps } from "../deps";

export const accountRouter = router({
  profile: authedProcedure.query(({ ctx }) => ctx.user),

  updateProfile: authedProcedure
    .input(ZUpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(usersDeps(ctx), ctx.user.id, input)),

  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) =>
      changePassword(
        usersDeps(ctx),
        { userId: ctx.user.id, sessionId: ctx.actor.sessionId },
        input,
      ),
    ),

  sessions: authedProcedure.query(({ ctx }) =>
    listSessions(usersDeps(ctx), { userId: ctx.user.id, sessionId: ctx.actor.sessionId }),
  ),

  becomeSeller: authedProcedure
    .input(ZBecomeSellerInput)
    .mutation(({ ctx, input }) => becomeSeller(usersDeps(ctx), ctx.user.id, input)),
});

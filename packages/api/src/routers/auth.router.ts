import {
  logIn,
  logOut,
  logOutEverywhere,
  registerUser,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
  ZEmailSentOutput,
  ZLogInInput,
  ZRegisterInput,
  ZRequestPasswordResetInput,
  ZResetPasswordInput,
  ZUserOutput,
  ZVerifyEmailInput,
} from "@digistore/domain-users";
import { authedProcedure, publicProcedure, router } from "../procedures";

export const authRouter = router({
  /** Who is signed in (null when nobody is). */
  me: publicProcedure
    .meta({ maintenanceExempt: true })
    .output(ZUserOutput.nullable())
    .query(({ ctx }) => ctx.user),

  register: publicProcedure
    .input(ZRegisterInput)
    .output(ZEmailSentOutput)
    .mutation(({ ctx, input }) => registerUser(ctx, input)),

  login: publicProcedure
    .meta({ maintenanceExempt: true })
    .input(ZLogInInput)
    .output(ZUserOutput)
    .mutation(async ({ ctx, input }) => {
      // A fresh session replaces whatever the browser held before (no fixation).
      const { token, session, user } = await logIn(ctx, input);
      ctx.sessionCookie.set(token, session.expiresAt);
      return user;
    }),

  logout: authedProcedure.meta({ maintenanceExempt: true }).mutation(async ({ ctx }) => {
    await logOut(ctx);
    ctx.sessionCookie.clear();
    return { ok: true as const };
  }),

  logoutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const ended = await logOutEverywhere(ctx);
    ctx.sessionCookie.clear();
    return { ended };
  }),

  verifyEmail: publicProcedure
    .input(ZVerifyEmailInput)
    .output(ZUserOutput)
    .mutation(async ({ ctx, input }) => {
      const { token, session, user } = await verifyEmail(ctx, input);
      ctx.sessionCookie.set(token, session.expiresAt);
      return user;
    }),

  resendVerification: authedProcedure.mutation(({ ctx }) => resendVerification(ctx)),

  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetInput)
    .output(ZEmailSentOutput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),

  resetPassword: publicProcedure
    .input(ZResetPasswordInput)
    .output(ZEmailSentOutput)
    .mutation(({ ctx, input }) => resetPassword(ctx, input)),
});

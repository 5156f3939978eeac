import {
  logIn,
  logOut,
  logOutEverywhere,
  registerUser,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
  ZLogInInput,
  ZRegisterInput,
  ZRequestPasswordResetInput,
  ZResetPasswordInput,
  ZVerifyEmailInput,
} from "@digistore/domain-users";
import type { Context } from "../context";
import { usersDeps } from "../deps";
import { authedProcedure, publicProcedure, router } from "../procedures";

function client(ctx: Context) {
  return { ip: ctx.request.ip, userAgent: ctx.request.userAgent };
}

export const authRouter = router({
  /** Who is signed in (null when nobody is). */
  me: publicProcedure.meta({ maintenanceExempt: true }).query(({ ctx }) => ctx.user),

  register: publicProcedure
    .input(ZRegisterInput)
    .mutation(({ ctx, input }) => registerUser(usersDeps(ctx), input, client(ctx))),

  login: publicProcedure
    .meta({ maintenanceExempt: true })
    .input(ZLogInInput)
    .mutation(async ({ ctx, input }) => {
      const { token, session, user } = await logIn(usersDeps(ctx), input, client(ctx));
      // A fresh session replaces whatever the browser held before (no fixation).
      if (ctx.actor.kind === "user" && ctx.actor.sessionId)
        await logOut(usersDeps(ctx), ctx.actor.sessionId);
      ctx.sessionCookie.set(token, session.expiresAt);
      return user;
    }),

  logout: authedProcedure.meta({ maintenanceExempt: true }).mutation(async ({ ctx }) => {
    await logOut(usersDeps(ctx), ctx.actor.sessionId);
    ctx.sessionCookie.clear();
    return { ok: true as const };
  }),

  logoutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const ended = await logOutEverywhere(usersDeps(ctx), ctx.user.id);
    ctx.sessionCookie.clear();
    return { ended };
  }),

  verifyEmail: publicProcedure.input(ZVerifyEmailInput).mutation(async ({ ctx, input }) => {
    const { token, session, user } = await verifyEmail(usersDeps(ctx), input, client(ctx));
    if (ctx.actor.kind === "user" && ctx.actor.sessionId)
      await logOut(usersDeps(ctx), ctx.actor.sessionId);
    ctx.sessionCookie.set(token, session.expiresAt);
    return user;
  }),

  resendVerification: authedProcedure.mutation(({ ctx }) =>
    resendVerification(usersDeps(ctx), ctx.user.id),
  ),

  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(usersDeps(ctx), input, client(ctx))),

  resetPassword: publicProcedure
    .input(ZResetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(usersDeps(ctx), input)),
});

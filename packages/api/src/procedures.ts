import { isDomainError } from "@digistore/core";
import { TRPCError } from "@trpc/server";
import { toTRPCError } from "./errors";
import { assertApiAvailable } from "./maintenance";
import { t } from "./trpc";

/** Domain errors thrown anywhere below become their tRPC code here, once. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

/** Maintenance mode answers SERVICE_UNAVAILABLE here, unless meta marks the procedure exempt. */
const maintenanceGate = t.middleware(async ({ ctx, meta, next }) => {
  await assertApiAvailable(ctx, meta?.maintenanceExempt === true);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors).use(maintenanceGate);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  const { actor, user } = ctx;
  // A request's person always comes with the session that proved them.
  if (actor.kind !== "user" || !user || actor.sessionId === null) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in to continue." });
  }
  return next({ ctx: { actor: { ...actor, sessionId: actor.sessionId }, user } });
});

export const verifiedProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.emailVerified) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Verify your email address first." });
  }
  return next();
});

export const sellerProcedure = verifiedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.roles.seller) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only sellers can do this. Start selling from your account.",
    });
  }
  return next();
});

export const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.roles.staff) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only staff can do this." });
  }
  return next();
});

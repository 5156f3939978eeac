import { ServiceUnavailableError } from "@digistore/core";
import { decideMaintenanceAccess, verifyBypassCookie } from "@digistore/domain-site";
import type { Context } from "./context";

/**
 * The API's half of maintenance mode; the web server's page gate asks the same decision
 * function. Costs no query while maintenance is off (the setting is cached per process).
 */
export async function assertApiAvailable(ctx: Context, procedureExempt: boolean): Promise<void> {
  const { maintenance, bypassSecret } = await ctx.site.snapshot();
  if (!maintenance.enabled) return;
  const now = ctx.clock.now();
  const decision = decideMaintenanceAccess({
    maintenance,
    surface: "api",
    path: "/api/trpc",
    isStaff: ctx.actor.kind === "user" && ctx.actor.user.roles.staff,
    hasBypass: verifyBypassCookie(bypassSecret, ctx.request.bypassCookie, now),
    procedureExempt,
    now,
  });
  if (!decision.allowed)
    throw new ServiceUnavailableError(decision.message, decision.retryAfterSeconds);
}

import { ServiceUnavailableError } from "@digistore/core";
import {
  BYPASS_COOKIE_NAME,
  BYPASS_COOKIE_TTL_MS,
  checkBypassKey,
  decideMaintenanceAccess,
  takeBypassParam,
  verifyBypassCookie,
  type MaintenanceAccessDecision,
  type MaintenanceState,
} from "@digistore/domain-site";
import type { AppServices, Context } from "./context";

export { BYPASS_COOKIE_NAME, BYPASS_COOKIE_TTL_MS };
export type { MaintenanceState };

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
    isStaff: ctx.user?.roles.staff === true,
    hasBypass: verifyBypassCookie(bypassSecret, ctx.request.bypassCookie, now),
    procedureExempt,
    now,
  });
  if (!decision.allowed)
    throw new ServiceUnavailableError(decision.message, decision.retryAfterSeconds);
}

export interface PageGateAnswer {
  readonly decision: MaintenanceAccessDecision;
  readonly maintenance: MaintenanceState;
}

/**
 * The page half: null while maintenance is off (one cached read, nothing else); otherwise
 * the decision for this path. `whoIsStaff` is asked only when no bypass cookie lets the
 * request through, so the page rendered next can reuse the session it looked up.
 */
export async function decidePageAccess(
  services: AppServices,
  request: { path: string; bypassCookie: string | undefined },
  whoIsStaff: () => Promise<boolean>,
): Promise<PageGateAnswer | null> {
  const { maintenance, bypassSecret } = await services.site.snapshot();
  if (!maintenance.enabled) return null;
  const now = services.clock.now();
  const hasBypass = verifyBypassCookie(bypassSecret, request.bypassCookie, now);
  const decision = decideMaintenanceAccess({
    maintenance,
    surface: "page",
    path: request.path,
    isStaff: hasBypass ? false : await whoIsStaff(),
    hasBypass,
    now,
  });
  return { decision, maintenance };
}

/**
 * `?bypass=<key>` on a URL: null when the URL carries none; otherwise the cookie to set and
 * where to send the browser (the same URL without the key). A wrong key throws (rate limited).
 */
export async function redeemBypassKey(
  services: AppServices,
  pathAndQuery: string,
  ip: string | undefined,
): Promise<{ cookieValue: string; redirectTo: string } | null> {
  const { key, redirectTo } = takeBypassParam(pathAndQuery);
  if (key === null) return null;
  const granted = await checkBypassKey(
    { db: services.db, clock: services.clock, client: { ip } },
    { key },
  );
  return { cookieValue: granted.cookieValue, redirectTo };
}

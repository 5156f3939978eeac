import { ANONYMOUS, SYSTEM, systemClock, userActor, type Actor, type Clock } from "@digistore/core";
import type { Database, Dialect } from "@digistore/db";
import type { Kysely } from "kysely";
import type { InvalidatesSiteSettings, SiteContext } from "./ports";

/** A verb context for a site test: anonymous, no cache, from no particular client. */
export function siteTestContext(
  db: Kysely<Database>,
  dialect: Dialect,
  options: { clock?: Clock; actor?: Actor; site?: InvalidatesSiteSettings } = {},
): SiteContext {
  return {
    db,
    dialect,
    clock: options.clock ?? systemClock,
    actor: options.actor ?? ANONYMOUS,
    client: {},
    site: options.site,
  };
}

/** The same context acting as staff member `userId`, or as the store itself (null: the CLI). */
export function actingAs<C extends { readonly actor: Actor }>(ctx: C, userId: string | null): C {
  const actor =
    userId === null ? SYSTEM : userActor({ id: userId, roles: { seller: false, staff: true } });
  return { ...ctx, actor };
}

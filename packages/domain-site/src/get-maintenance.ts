import { MAINTENANCE_KEY, parseStoredMaintenance, type MaintenanceState } from "./maintenance";
import type { SiteContext } from "./ports";
import { findSettingValue } from "./site-settings.repository";

/**
 * The stored state, read straight from the database (the CLI's status). The request path
 * reads through `createSiteSettingsReader` instead. Visitors see this state anyway, so
 * reading it needs no permission.
 */
export async function getMaintenance(deps: Pick<SiteContext, "db">): Promise<MaintenanceState> {
  return parseStoredMaintenance(await findSettingValue(deps.db, MAINTENANCE_KEY));
}

import { findBypassSecret } from "./find-bypass-secret";
import { MAINTENANCE_KEY, parseStoredMaintenance, type MaintenanceState } from "./maintenance";
import type { SiteDeps } from "./ports";
import { findSettingValue } from "./site-settings.repository";

/**
 * The stored state, read straight from the database (the staff settings screen). The request
 * path reads through `createSiteSettingsReader` instead.
 */
export async function getMaintenance(deps: Pick<SiteDeps, "db">): Promise<MaintenanceState> {
  return parseStoredMaintenance(await findSettingValue(deps.db, MAINTENANCE_KEY));
}

export interface BypassKeyInfo {
  readonly rotatedAt: string;
  readonly rotatedBy: string | null;
}

/** When the bypass key was last rotated and by whom; null if no key was ever set. */
export async function getBypassKeyInfo(deps: Pick<SiteDeps, "db">): Promise<BypassKeyInfo | null> {
  const secret = await findBypassSecret(deps.db);
  return secret ? { rotatedAt: secret.rotatedAt, rotatedBy: secret.rotatedBy } : null;
}

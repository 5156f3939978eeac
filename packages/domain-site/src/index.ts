export type { MaintenanceState } from "./maintenance";
export type { BypassSecret } from "./bypass-secret";
export type { SiteContext, SiteClient, InvalidatesSiteSettings } from "./ports";
export { ZSetMaintenanceInput } from "./site-settings.schemas";
export type { TSetMaintenanceInput, TCheckBypassKeyInput } from "./site-settings.schemas";
export { createSiteSettingsReader } from "./site-settings-cache";
export type {
  SiteSettingsReader,
  SiteSettingsReaderOptions,
  SiteSettingsReaderStats,
  SiteSettingsSnapshot,
} from "./site-settings-cache";
export { getMaintenance } from "./get-maintenance";
export { getBypassKeyInfo } from "./get-bypass-key-info";
export type { BypassKeyInfo } from "./get-bypass-key-info";
export { setMaintenance } from "./set-maintenance";
export { rotateBypassKey } from "./rotate-bypass-key";
export type { RotatedBypassKey } from "./rotate-bypass-key";
export {
  checkBypassKey,
  verifyBypassCookie,
  BYPASS_COOKIE_NAME,
  BYPASS_COOKIE_TTL_MS,
} from "./bypass";
export type { BypassGranted } from "./bypass";
export { takeBypassParam } from "./bypass-url";
export type { BypassRequest } from "./bypass-url";
export { decideMaintenanceAccess } from "./access-policy";
export type {
  MaintenanceAccessInput,
  MaintenanceAccessDecision,
  MaintenanceExemptPath,
  MaintenanceSurface,
} from "./access-policy";

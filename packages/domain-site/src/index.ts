export type { MaintenanceState } from "./maintenance";
export {
  MAINTENANCE_KEY,
  MAINTENANCE_OFF,
  MAINTENANCE_MESSAGE_MAX,
  DEFAULT_MAINTENANCE_MESSAGE,
  ZStoredMaintenance,
  parseStoredMaintenance,
} from "./maintenance";
export type { BypassSecret } from "./bypass-secret";
export { BYPASS_SECRET_KEY, ZStoredBypassSecret, parseStoredBypassSecret } from "./bypass-secret";
export type { SiteContext, SiteClient, InvalidatesSiteSettings } from "./ports";
export {
  ZSetMaintenanceInput,
  ZMaintenanceMessage,
  ZExpectedBackAt,
  ZCheckBypassKeyInput,
} from "./site-settings.schemas";
export type { TSetMaintenanceInput, TCheckBypassKeyInput } from "./site-settings.schemas";
export { createSiteSettingsReader, DEFAULT_SITE_SETTINGS_TTL_MS } from "./site-settings-cache";
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
  BYPASS_QUERY_PARAM,
} from "./bypass";
export type { BypassGranted } from "./bypass";
export { takeBypassParam } from "./bypass-url";
export type { BypassRequest } from "./bypass-url";
export { bypassKeyFailuresPerIp } from "./rate-limits";
export {
  decideMaintenanceAccess,
  isMaintenanceExemptPath,
  maintenanceRetryAfterSeconds,
  MAINTENANCE_EXEMPT_PATHS,
  DEFAULT_RETRY_AFTER_SECONDS,
  MIN_RETRY_AFTER_SECONDS,
} from "./access-policy";
export type {
  MaintenanceAccessInput,
  MaintenanceAccessDecision,
  MaintenanceExemptPath,
  MaintenanceSurface,
} from "./access-policy";

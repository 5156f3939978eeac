/**
 * Hand-written table types: the contract between migrations and repositories. Portability rules
 * (docs/decisions/0001-portable-data.md): text ids made by the app, timestamps as ISO 8601 UTC
 * text, booleans as 0/1 integers, money as integer minor units, JSON as zod-validated text.
 */
export interface SiteSettingsTable {
  key: string;
  /** JSON text; each owner validates its own value with zod on read. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface Database {
  site_settings: SiteSettingsTable;
}

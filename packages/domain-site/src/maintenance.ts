import { z } from "zod";

/** The `site_settings` key maintenance mode is stored under. */
export const MAINTENANCE_KEY = "maintenance";

export const DEFAULT_MAINTENANCE_MESSAGE = "We are doing some maintenance. Please check back soon.";

export const MAINTENANCE_MESSAGE_MAX = 500;

/** Whether the site is in maintenance mode, what visitors are told, and who last changed it. */
export interface MaintenanceState {
  readonly enabled: boolean;
  readonly message: string;
  /** ISO 8601 UTC; drives the `Retry-After` header when in the future. */
  readonly expectedBackAt: string | null;
  readonly changedAt: string | null;
  /** User id of the staff member (null: the CLI or the system). */
  readonly changedBy: string | null;
}

/** What a site that was never put into maintenance (or whose row is unreadable) is in. */
export const MAINTENANCE_OFF: MaintenanceState = Object.freeze({
  enabled: false,
  message: DEFAULT_MAINTENANCE_MESSAGE,
  expectedBackAt: null,
  changedAt: null,
  changedBy: null,
});

const ZTimestamp = z.iso.datetime({ offset: true });

/** The stored JSON shape (what `setMaintenance` writes). */
export const ZStoredMaintenance = z.object({
  enabled: z.boolean(),
  message: z.string().trim().min(1).max(MAINTENANCE_MESSAGE_MAX),
  expectedBackAt: ZTimestamp.nullable(),
  changedAt: ZTimestamp.nullable(),
  changedBy: z.string().nullable(),
});

/**
 * Reads the stored value. Runs on every request's path (through the cache), so it never
 * throws: a missing or corrupt row means maintenance is off.
 */
export function parseStoredMaintenance(value: string | undefined): MaintenanceState {
  if (value === undefined) return MAINTENANCE_OFF;
  const result = ZStoredMaintenance.safeParse(safeJsonParse(value));
  return result.success ? result.data : MAINTENANCE_OFF;
}

export function safeJsonParse(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

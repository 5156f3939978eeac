import { z } from "zod";
import { safeJsonParse } from "./maintenance";

/** The `site_settings` key the bypass key's hash is stored under. */
export const BYPASS_SECRET_KEY = "maintenance_bypass";

/**
 * The stored side of the bypass key: only its SHA-256, never the key. `version` changes on
 * every rotation and is signed into each cookie, and `hash` is the cookie's HMAC secret, so
 * rotating the key invalidates every cookie issued before.
 */
export interface BypassSecret {
  /** SHA-256 (hex) of the key. */
  readonly hash: string;
  readonly version: string;
  readonly rotatedAt: string;
  readonly rotatedBy: string | null;
}

const ZStoredBypassSecret = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.string().min(1).max(128),
  rotatedAt: z.iso.datetime({ offset: true }),
  rotatedBy: z.string().nullable(),
});

/** Missing or corrupt → null, which refuses every key and every cookie. Never throws. */
export function parseStoredBypassSecret(value: string | undefined): BypassSecret | null {
  if (value === undefined) return null;
  const result = ZStoredBypassSecret.safeParse(safeJsonParse(value));
  return result.success ? result.data : null;
}

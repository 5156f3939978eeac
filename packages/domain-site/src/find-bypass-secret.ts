import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { BYPASS_SECRET_KEY, parseStoredBypassSecret, type BypassSecret } from "./bypass-secret";
import { findSettingValue } from "./site-settings.repository";

/** The stored bypass secret, uncached (key checks and the settings screen). */
export async function findBypassSecret(db: Kysely<Database>): Promise<BypassSecret | null> {
  return parseStoredBypassSecret(await findSettingValue(db, BYPASS_SECRET_KEY));
}

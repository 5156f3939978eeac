import { DAY, newId } from "@digistore/core";
import type { Database, LicensePoliciesTable } from "@digistore/db";
import type { Kysely } from "kysely";
import { newLicenseKey } from "./license-key";
import { insertLicenseIfAbsent } from "./licenses.repository";

/**
 * The purchase's key, made once: a second call for the same purchase (a replayed webhook, a
 * backfill racing a sale) finds the unique purchase id taken and changes nothing.
 */
export async function issueLicense(
  db: Kysely<Database>,
  purchase: { id: string; user_id: string; product_id: string },
  policy: Pick<LicensePoliciesTable, "activation_limit" | "validity_days">,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await insertLicenseIfAbsent(db, {
    id: newId(),
    key: newLicenseKey(),
    purchase_id: purchase.id,
    product_id: purchase.product_id,
    user_id: purchase.user_id,
    activation_limit: policy.activation_limit,
    expires_at:
      policy.validity_days === null
        ? null
        : new Date(now.getTime() + policy.validity_days * DAY).toISOString(),
    disabled_at: null,
    issued_at: at,
    updated_at: at,
  });
}

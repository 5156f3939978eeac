import { NotFoundError, type Actor } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import type { LicenseRow } from "./license";
import { findLicenseRowById } from "./licenses.repository";
import { loadSellerProduct } from "./load-seller-product";

/** A key of one of this seller's products; anyone else's answers NOT_FOUND. */
export async function loadSellerLicense(
  db: Kysely<Database>,
  actor: Actor,
  licenseId: string,
): Promise<LicenseRow> {
  const row = await findLicenseRowById(db, licenseId);
  if (!row) throw new NotFoundError("Licence not found.");
  await loadSellerProduct(db, actor, row.product_id).catch(() => {
    throw new NotFoundError("Licence not found.");
  });
  return row;
}

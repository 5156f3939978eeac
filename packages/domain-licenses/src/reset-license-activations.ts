import { parseInput } from "@digistore/core";
import { deleteAllActivationRows } from "./licenses.repository";
import { ZLicenseRef } from "./licenses.schemas";
import { loadSellerLicense } from "./load-seller-license";
import type { LicensesContext } from "./ports";

/** The seller frees every machine of a key (a customer who replaced all their computers). */
export async function resetLicenseActivations(
  ctx: Pick<LicensesContext, "db" | "actor">,
  input: unknown,
): Promise<void> {
  const { licenseId } = parseInput(ZLicenseRef, input);
  const row = await loadSellerLicense(ctx.db, ctx.actor, licenseId);
  await deleteAllActivationRows(ctx.db, row.id);
}

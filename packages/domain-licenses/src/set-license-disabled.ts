import { parseInput } from "@digistore/core";
import { toLicense, type License } from "./license";
import { findLicenseRowById, listActivationRows, updateLicenseRow } from "./licenses.repository";
import { ZSetLicenseDisabledInput } from "./licenses.schemas";
import { loadSellerLicense } from "./load-seller-license";
import type { LicensesContext } from "./ports";

/** The seller switches a key off (a leaked key, say) or back on; access is untouched. */
export async function setLicenseDisabled(
  ctx: Pick<LicensesContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<License> {
  const { licenseId, disabled } = parseInput(ZSetLicenseDisabledInput, input);
  const row = await loadSellerLicense(ctx.db, ctx.actor, licenseId);
  const now = ctx.clock.now();
  await updateLicenseRow(ctx.db, row.id, {
    disabled_at: disabled ? (row.disabled_at ?? now.toISOString()) : null,
    updated_at: now.toISOString(),
  });
  const after = (await findLicenseRowById(ctx.db, row.id))!;
  return toLicense(after, await listActivationRows(ctx.db, [row.id]), now);
}

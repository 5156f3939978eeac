import { ConflictError, ForbiddenError, newId, parseInput } from "@digistore/core";
import { answerLicenseCheck } from "./answer-license-check";
import { licenseStatus, LICENSE_STATUS_TEXT } from "./license";
import type { LicenseCheck } from "./license-check";
import { insertActivationRow, listActivationRows, lockLicense } from "./licenses.repository";
import { ZActivateLicenseInput } from "./licenses.schemas";
import type { LicensesContext } from "./ports";
import { loadPublicLicense } from "./public-license-call";

/**
 * Public: takes one of the key's machine slots. The count is read under the key's lock, so
 * twenty machines activating at once never exceed the limit.
 */
export async function activateLicense(
  ctx: Pick<LicensesContext, "db" | "dialect" | "clock" | "client">,
  input: unknown,
): Promise<LicenseCheck> {
  const { key, productId, instanceName } = parseInput(ZActivateLicenseInput, input);
  const row = await loadPublicLicense(ctx, { key, productId });
  const now = ctx.clock.now();
  const status = licenseStatus(row, now);
  if (status !== "active") throw new ForbiddenError(LICENSE_STATUS_TEXT[status]);
  const instanceId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await lockLicense(trx, ctx.dialect, row.id);
    const taken = (await listActivationRows(trx, [row.id])).length;
    if (row.activation_limit !== null && taken >= row.activation_limit) {
      throw new ConflictError(
        `This licence is already active on ${taken} of ${row.activation_limit} machines. ` +
          "Release one from your library, then try again.",
      );
    }
    await insertActivationRow(trx, {
      id: instanceId,
      license_id: row.id,
      instance_name: instanceName,
      created_at: now.toISOString(),
    });
  });
  return answerLicenseCheck(ctx, row, instanceId);
}

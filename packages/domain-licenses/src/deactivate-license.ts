import { NotFoundError, parseInput } from "@digistore/core";
import { deleteActivationRow } from "./licenses.repository";
import { ZDeactivateLicenseInput } from "./licenses.schemas";
import type { LicensesContext } from "./ports";
import { loadPublicLicense } from "./public-license-call";

/** Public: frees a machine's slot (an app calls it on uninstall or sign-out). */
export async function deactivateLicense(
  ctx: Pick<LicensesContext, "db" | "clock" | "client">,
  input: unknown,
): Promise<{ readonly deactivated: true }> {
  const { key, productId, instanceId } = parseInput(ZDeactivateLicenseInput, input);
  const row = await loadPublicLicense(ctx, { key, productId });
  if ((await deleteActivationRow(ctx.db, row.id, instanceId)) === 0) {
    throw new NotFoundError("This machine is not activated for this licence.");
  }
  return { deactivated: true };
}

import { parseInput, requireUser } from "@digistore/core";
import { toLicense, type License } from "./license";
import { findLicenseRowForOwner, listActivationRows } from "./licenses.repository";
import { ZProductLicenseRef } from "./licenses.schemas";
import type { LicensesContext } from "./ports";

/** The signed-in person's key for a product they bought, with its machines; null if none. */
export async function getMyLicense(
  ctx: Pick<LicensesContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<License | null> {
  const user = requireUser(ctx.actor);
  const { productId } = parseInput(ZProductLicenseRef, input);
  const row = await findLicenseRowForOwner(ctx.db, user.userId, productId);
  if (!row) return null;
  return toLicense(row, await listActivationRows(ctx.db, [row.id]), ctx.clock.now());
}

import { NotFoundError, parseInput, requireUser } from "@digistore/core";
import { deleteActivationRow, findLicenseRowForOwner } from "./licenses.repository";
import { ZReleaseActivationInput } from "./licenses.schemas";
import type { LicensesContext } from "./ports";

/** The key's owner frees one of its machines (a laptop they no longer have, say). */
export async function releaseMyActivation(
  ctx: Pick<LicensesContext, "db" | "actor">,
  input: unknown,
): Promise<void> {
  const user = requireUser(ctx.actor);
  const { productId, activationId } = parseInput(ZReleaseActivationInput, input);
  const row = await findLicenseRowForOwner(ctx.db, user.userId, productId);
  if (!row || (await deleteActivationRow(ctx.db, row.id, activationId)) === 0) {
    throw new NotFoundError("That activation was not found.");
  }
}

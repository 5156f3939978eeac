import { parseInput } from "@digistore/core";
import { answerLicenseCheck } from "./answer-license-check";
import type { LicenseCheck } from "./license-check";
import { ZValidateLicenseInput } from "./licenses.schemas";
import type { LicensesContext } from "./ports";
import { loadPublicLicense } from "./public-license-call";

/**
 * Public: is this key good for this product (and, with `instanceId`, on this machine)? Anyone
 * holding the key may ask; the answer carries a fresh offline token when it is.
 */
export async function validateLicense(
  ctx: Pick<LicensesContext, "db" | "clock" | "client">,
  input: unknown,
): Promise<LicenseCheck> {
  const { key, productId, instanceId } = parseInput(ZValidateLicenseInput, input);
  const row = await loadPublicLicense(ctx, { key, productId });
  return answerLicenseCheck(ctx, row, instanceId ?? null);
}

import { parseInput } from "@digistore/core";
import { toLicensePolicy, type LicensePolicy } from "./license-policy";
import { findPolicyRow } from "./licenses.repository";
import { ZProductLicenseRef } from "./licenses.schemas";
import { loadSellerProduct } from "./load-seller-product";
import type { LicensesContext } from "./ports";

/** The seller's licensing settings for their product (off when never set). */
export async function getLicensePolicy(
  ctx: Pick<LicensesContext, "db" | "actor">,
  input: unknown,
): Promise<LicensePolicy> {
  const { productId } = parseInput(ZProductLicenseRef, input);
  await loadSellerProduct(ctx.db, ctx.actor, productId);
  return toLicensePolicy(productId, await findPolicyRow(ctx.db, productId));
}

import { parseInput } from "@digistore/core";
import { issueLicense } from "./issue-license";
import { toLicensePolicy, type LicensePolicy } from "./license-policy";
import { findPolicyRow, listUnlicensedPurchases, upsertPolicyRow } from "./licenses.repository";
import { ZSetLicensePolicyInput } from "./licenses.schemas";
import { loadSellerProduct } from "./load-seller-product";
import type { LicensesContext } from "./ports";

/**
 * The seller turns keys on or off for a product and sets their terms. Turning them on gives a
 * key to every current owner too; terms apply to keys issued from now on (a machine that was
 * allowed never becomes disallowed by an edit).
 */
export async function setLicensePolicy(
  ctx: Pick<LicensesContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<LicensePolicy> {
  const { productId, enabled, activationLimit, validityDays } = parseInput(
    ZSetLicensePolicyInput,
    input,
  );
  await loadSellerProduct(ctx.db, ctx.actor, productId);
  const now = ctx.clock.now();
  const policy = {
    product_id: productId,
    enabled: enabled ? 1 : 0,
    activation_limit: activationLimit,
    validity_days: validityDays,
    updated_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await upsertPolicyRow(trx, policy);
    if (!enabled) return;
    for (const purchase of await listUnlicensedPurchases(trx, productId)) {
      await issueLicense(trx, purchase, policy, now);
    }
  });
  return toLicensePolicy(productId, await findPolicyRow(ctx.db, productId));
}

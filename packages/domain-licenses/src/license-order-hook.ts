import type { Clock } from "@digistore/core";
import type { OrderChangeHook } from "@digistore/domain-orders";
import { issueLicense } from "./issue-license";
import { findGrant, findLicenseRowForOwner, findPolicyRow } from "./licenses.repository";

/**
 * Wire into the orders context's `orderHooks`. Runs inside the transaction that grants access,
 * so a paid order's key exists exactly when its access does. Revocation, suspension and
 * restoration need nothing here: a key's status is read through its purchase.
 */
export function createLicenseOrderHook(deps: { clock: Clock }): OrderChangeHook {
  return async (db, { after }) => {
    if (after.kind !== "product") return;
    const policy = await findPolicyRow(db, after.productId);
    if (!policy || policy.enabled !== 1) return;
    const purchase = await findGrant(db, after.userId, after.productId);
    if (!purchase || purchase.revoked_at !== null) return;
    await issueLicense(db, purchase, policy, deps.clock.now());
    const license = await findLicenseRowForOwner(db, after.userId, after.productId);
    // The receipt (queued after the hooks) carries the key; the library always shows it.
    return license ? { receiptNotes: [`Your licence key: ${license.key}`] } : undefined;
  };
}

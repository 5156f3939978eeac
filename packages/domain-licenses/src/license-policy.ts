import type { LicensePoliciesTable } from "@digistore/db";

/** A product's licensing: off, or keys with an activation limit and an optional lifetime. */
export interface LicensePolicy {
  readonly productId: string;
  readonly enabled: boolean;
  /** null: unlimited machines. */
  readonly activationLimit: number | null;
  /** null: keys never expire. */
  readonly validityDays: number | null;
}

export function toLicensePolicy(
  productId: string,
  row: LicensePoliciesTable | undefined,
): LicensePolicy {
  return {
    productId,
    enabled: row?.enabled === 1,
    activationLimit: row?.activation_limit ?? null,
    validityDays: row?.validity_days ?? null,
  };
}

import type { LicenseActivationsTable, LicensesTable, PurchasedProductsTable } from "@digistore/db";

/**
 * A key's standing, derived on every read from its purchase first: access decides (refund and
 * lost dispute revoke, an open dispute suspends), then the seller's switch, then the expiry.
 */
export type LicenseStatus = "active" | "suspended" | "revoked" | "disabled" | "expired";

export interface LicenseActivation {
  readonly id: string;
  readonly instanceName: string;
  readonly createdAt: string;
}

export interface License {
  readonly id: string;
  readonly key: string;
  readonly productId: string;
  readonly userId: string;
  readonly status: LicenseStatus;
  /** null: unlimited. */
  readonly activationLimit: number | null;
  readonly activations: readonly LicenseActivation[];
  readonly expiresAt: string | null;
  readonly issuedAt: string;
}

export type LicenseRow = LicensesTable &
  Pick<PurchasedProductsTable, "revoked_at" | "suspended_at">;

export function licenseStatus(row: LicenseRow, now: Date): LicenseStatus {
  if (row.revoked_at !== null) return "revoked";
  if (row.suspended_at !== null) return "suspended";
  if (row.disabled_at !== null) return "disabled";
  if (row.expires_at !== null && new Date(row.expires_at) <= now) return "expired";
  return "active";
}

export function toLicense(
  row: LicenseRow,
  activations: readonly LicenseActivationsTable[],
  now: Date,
): License {
  return {
    id: row.id,
    key: row.key,
    productId: row.product_id,
    userId: row.user_id,
    status: licenseStatus(row, now),
    activationLimit: row.activation_limit,
    activations: activations.map((a) => ({
      id: a.id,
      instanceName: a.instance_name,
      createdAt: a.created_at,
    })),
    expiresAt: row.expires_at,
    issuedAt: row.issued_at,
  };
}

/** What a status means to the person holding the key (the public API says it too). */
export const LICENSE_STATUS_TEXT: Record<LicenseStatus, string> = {
  active: "This licence is active.",
  suspended: "This licence is suspended while a payment dispute is open.",
  revoked: "This licence was revoked because its purchase was refunded or charged back.",
  disabled: "The seller disabled this licence.",
  expired: "This licence has expired.",
};

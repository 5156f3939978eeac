import type { LicenseStatus } from "./license";

/** What the public API answers about a key: its standing, its use and, when active, a token. */
export interface LicenseCheck {
  readonly valid: boolean;
  readonly status: LicenseStatus;
  readonly message: string;
  readonly productId: string;
  readonly expiresAt: string | null;
  readonly activationLimit: number | null;
  readonly activationCount: number;
  /** The machine this answer is about (validate with instanceId, activate). */
  readonly instance: { readonly id: string; readonly name: string } | null;
  /** Signed offline token (Ed25519); null unless the licence is active. */
  readonly token: string | null;
}

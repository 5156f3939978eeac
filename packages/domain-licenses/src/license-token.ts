import { DAY } from "@digistore/core";
import { sign, type KeyObject } from "node:crypto";

/** What a token says; `exp` bounds how long an app may trust it without calling home. */
export interface LicenseTokenClaims {
  readonly v: 1;
  readonly product: string;
  readonly key: string;
  readonly customer: string;
  readonly activation: string | null;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  /** The licence's own expiry (ISO), if it has one. */
  readonly licenseExpiresAt: string | null;
}

/**
 * An app that verified a token trusts it until `exp`: at most this long, so a refund reaches
 * an offline machine within a month, or sooner when the licence itself ends.
 */
const OFFLINE_TOKEN_LIFETIME_MS = 30 * DAY;

const base64url = (bytes: Buffer | string) => Buffer.from(bytes).toString("base64url");

/** `base64url(JSON claims).base64url(Ed25519 signature over the first part)`. */
export function signLicenseToken(
  privateKey: KeyObject,
  fields: Omit<LicenseTokenClaims, "v" | "iat" | "exp">,
  now: Date,
): string {
  const ends = [now.getTime() + OFFLINE_TOKEN_LIFETIME_MS];
  if (fields.licenseExpiresAt) ends.push(new Date(fields.licenseExpiresAt).getTime());
  const claims: LicenseTokenClaims = {
    v: 1,
    ...fields,
    iat: Math.floor(now.getTime() / 1000),
    exp: Math.floor(Math.min(...ends) / 1000),
  };
  const payload = base64url(JSON.stringify(claims));
  return `${payload}.${base64url(sign(null, Buffer.from(payload), privateKey))}`;
}

// Verifies a DigiStore licence token offline: paste your store's public key (seller area →
// Licence keys) and your product id; no network call, no dependency beyond Node itself.
import { createPublicKey, verify } from "node:crypto";

export function verifyLicenseToken(token, publicKeyPem, productId, now = Date.now()) {
  const [payload, signature] = String(token).split(".");
  if (!payload || !signature) return null;
  const key = createPublicKey(publicKeyPem);
  const genuine = verify(null, Buffer.from(payload), key, Buffer.from(signature, "base64url"));
  if (!genuine) return null;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  if (claims.v !== 1 || claims.product !== productId || claims.exp * 1000 <= now) return null;
  return claims; // { key, customer, activation, exp, licenseExpiresAt, ... }
}

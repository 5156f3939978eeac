import { createHmac, timingSafeEqual } from "node:crypto";

export const DOWNLOAD_TOKEN_TTL_MS = 5 * 60 * 1000;

export interface DownloadClaims {
  readonly userId: string;
  readonly versionId: string;
  readonly expiresAt: number;
}

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** A short-lived link bound to one user and one version: `<payload>.<HMAC>`. */
export function mintDownloadToken(secret: string, claims: DownloadClaims): string {
  const payload = Buffer.from(`${claims.userId}|${claims.versionId}|${claims.expiresAt}`).toString(
    "base64url",
  );
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenCheck =
  | { ok: true; claims: DownloadClaims }
  | { ok: false; reason: "malformed" | "tampered" | "expired" };

/** Constant-time signature check first; only a genuine token is read and its expiry judged. */
export function checkDownloadToken(secret: string, token: string, now: Date): TokenCheck {
  const match = /^([A-Za-z0-9_-]{10,300})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "malformed" };
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "tampered" };
  const [userId, versionId, expires] = Buffer.from(payload, "base64url")
    .toString("utf8")
    .split("|");
  const expiresAt = Number(expires);
  if (!userId || !versionId || !Number.isFinite(expiresAt))
    return { ok: false, reason: "malformed" };
  if (expiresAt <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claims: { userId, versionId, expiresAt } };
}

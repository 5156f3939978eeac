import { DAY, ForbiddenError, parseInput } from "@digistore/core";
import { assertNotRateLimited, consumeRateLimit } from "@digistore/rate-limit";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { BypassSecret } from "./bypass-secret";
import { findBypassSecret } from "./find-bypass-secret";
import type { SiteContext } from "./ports";
import { bypassKeyFailuresPerIp } from "./rate-limits";
import { hashBypassKey } from "./rotate-bypass-key";
import { ZCheckBypassKeyInput } from "./site-settings.schemas";

/** How long a bypass cookie lets its holder through. */
export const BYPASS_COOKIE_TTL_MS = DAY;

/** The cookie's name, shared by the web app (which sets it) and the API (which reads it). */
export const BYPASS_COOKIE_NAME = "digistore_bypass";

/** The query parameter that carries the key: `?bypass=<key>`. */
export const BYPASS_QUERY_PARAM = "bypass";

export interface BypassGranted {
  readonly ok: true;
  /** `<expiresAtMs>.<base64url HMAC-SHA256>`; set it HttpOnly, Secure, SameSite=Lax. */
  readonly cookieValue: string;
  /** ISO 8601 UTC; also the cookie's expiry. */
  readonly expiresAt: string;
}

// Keys are 32 characters; anything far longer is refused without hashing megabytes.
const MAX_CANDIDATE_LENGTH = 256;
// Subject for requests whose IP is unknown: they share one (strict) bucket.
const UNKNOWN_IP = "unknown";

const COOKIE_PATTERN = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/;

function cookieMac(secret: BypassSecret, expiresAtMs: number): string {
  return createHmac("sha256", secret.hash)
    .update(`${secret.version}.${expiresAtMs}`)
    .digest("base64url");
}

function keyMatches(secret: BypassSecret, candidate: string): boolean {
  if (candidate.length > MAX_CANDIDATE_LENGTH) return false;
  const given = Buffer.from(hashBypassKey(candidate), "hex");
  const stored = Buffer.from(secret.hash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * Checks a `?bypass=` key against the stored hash (uncached: a rotation elsewhere applies at
 * once). Right key: a cookie value valid 24 h. Wrong key (or none ever set): counts against
 * the per-IP limit and throws `ForbiddenError`; once the limit is used up, every try from
 * that IP (`ctx.client.ip`), right key included, gets `RateLimitedError` until the window ends.
 * Anyone may try: the key is the permission.
 */
export async function checkBypassKey(
  ctx: Pick<SiteContext, "db" | "clock" | "client">,
  input: unknown,
): Promise<BypassGranted> {
  const { key: candidate } = parseInput(ZCheckBypassKeyInput, input);
  const now = ctx.clock.now();
  const subject = ctx.client.ip?.trim() || UNKNOWN_IP;
  await assertNotRateLimited(ctx.db, bypassKeyFailuresPerIp, subject, now);
  const secret = await findBypassSecret(ctx.db);
  if (!secret || !keyMatches(secret, candidate)) {
    await consumeRateLimit(ctx.db, bypassKeyFailuresPerIp, subject, now);
    throw new ForbiddenError("That bypass key is not valid.");
  }
  const expiresAtMs = now.getTime() + BYPASS_COOKIE_TTL_MS;
  return {
    ok: true,
    cookieValue: `${expiresAtMs}.${cookieMac(secret, expiresAtMs)}`,
    expiresAt: new Date(expiresAtMs).toISOString(),
  };
}

/**
 * True iff the cookie was issued for the current key and has not expired. Pure and
 * synchronous given the (cached) secret, so the request path costs no query; anything
 * malformed is simply false.
 */
export function verifyBypassCookie(
  secret: BypassSecret | null,
  cookieValue: string | undefined,
  now: Date,
): boolean {
  if (!secret || typeof cookieValue !== "string" || cookieValue.length > 80) return false;
  const match = COOKIE_PATTERN.exec(cookieValue);
  if (!match) return false;
  const expiresAtMs = Number(match[1]);
  if (!Number.isSafeInteger(expiresAtMs) || expiresAtMs <= now.getTime()) return false;
  // Compare the text, not decoded bytes: base64url has several spellings of the same bytes,
  // and only the one we issued is accepted.
  const given = Buffer.from(match[2]!, "ascii");
  const expected = Buffer.from(cookieMac(secret, expiresAtMs), "ascii");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

import { NotFoundError, type Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import { consumeRateLimit, type RateLimitRule } from "@digistore/rate-limit";
import type { Kysely } from "kysely";
import type { LicenseRow } from "./license";
import { findLicenseRowByKey } from "./licenses.repository";

const callsPerKey: RateLimitRule = {
  name: "license-api-key",
  limit: 60,
  windowMs: 60_000,
  message: "Too many licence checks for this key.",
};

const callsPerAddress: RateLimitRule = {
  name: "license-api-ip",
  limit: 300,
  windowMs: 60_000,
  message: "Too many licence checks from this address.",
};

/**
 * The key a public call names, counted against both limits first. A key of another product
 * (another seller's, say) answers exactly as an unknown one does, so nobody learns it exists.
 */
export async function loadPublicLicense(
  ctx: { db: Kysely<Database>; clock: Clock; client: { readonly ip?: string | undefined } },
  call: { key: string; productId: string },
): Promise<LicenseRow> {
  const now = ctx.clock.now();
  await consumeRateLimit(ctx.db, callsPerAddress, ctx.client.ip ?? "unknown", now);
  await consumeRateLimit(ctx.db, callsPerKey, call.key, now);
  const row = await findLicenseRowByKey(ctx.db, call.key);
  if (!row || row.product_id !== call.productId) {
    throw new NotFoundError("No licence with this key exists for this product.");
  }
  return row;
}

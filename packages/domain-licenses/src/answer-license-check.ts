import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { licenseStatus, LICENSE_STATUS_TEXT, type LicenseRow } from "./license";
import type { LicenseCheck } from "./license-check";
import { signLicenseToken } from "./license-token";
import { listActivationRows } from "./licenses.repository";
import { storeSigningKey } from "./signing-key";

/** The one answer shape of validate and activate, read after any change was committed. */
export async function answerLicenseCheck(
  ctx: { db: Kysely<Database>; clock: Clock },
  row: LicenseRow,
  instanceId: string | null,
): Promise<LicenseCheck> {
  const now = ctx.clock.now();
  const status = licenseStatus(row, now);
  const activations = await listActivationRows(ctx.db, [row.id]);
  const found = instanceId ? activations.find((a) => a.id === instanceId) : undefined;
  const instance = found ? { id: found.id, name: found.instance_name } : null;
  // Asked about a machine that is not (or no longer) activated: the key is not valid there.
  const valid = status === "active" && (instanceId === null || instance !== null);
  const token = valid
    ? signLicenseToken(
        (await storeSigningKey(ctx.db, ctx.clock)).privateKey,
        {
          product: row.product_id,
          key: row.key,
          customer: row.user_id,
          activation: instance?.id ?? null,
          licenseExpiresAt: row.expires_at,
        },
        now,
      )
    : null;
  return {
    valid,
    status,
    message:
      status === "active" && !valid
        ? "This machine is not activated for this licence."
        : LICENSE_STATUS_TEXT[status],
    productId: row.product_id,
    expiresAt: row.expires_at,
    activationLimit: row.activation_limit,
    activationCount: activations.length,
    instance,
    token,
  };
}

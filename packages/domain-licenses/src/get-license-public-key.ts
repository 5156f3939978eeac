import { requireSeller } from "@digistore/core";
import type { LicensesContext } from "./ports";
import { storeSigningKey } from "./signing-key";

/** The store's token-verifying key (SPKI PEM), for a seller to build into their app. */
export async function getLicensePublicKey(
  ctx: Pick<LicensesContext, "db" | "clock" | "actor">,
): Promise<{ readonly publicKeyPem: string }> {
  requireSeller(ctx.actor);
  return { publicKeyPem: (await storeSigningKey(ctx.db, ctx.clock)).publicKeyPem };
}

import { requireStaffOrSystem } from "@digistore/core";
import { findBypassSecret } from "./find-bypass-secret";
import type { SiteContext } from "./ports";

export interface BypassKeyInfo {
  readonly rotatedAt: string;
  readonly rotatedBy: string | null;
}

/** When the bypass key was last rotated and by whom (staff or the CLI); null if never set. */
export async function getBypassKeyInfo(
  ctx: Pick<SiteContext, "db" | "actor">,
): Promise<BypassKeyInfo | null> {
  requireStaffOrSystem(ctx.actor);
  const secret = await findBypassSecret(ctx.db);
  return secret ? { rotatedAt: secret.rotatedAt, rotatedBy: secret.rotatedBy } : null;
}

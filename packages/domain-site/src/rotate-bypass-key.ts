import { requireStaffOrSystem } from "@digistore/core";
import { createHash, randomBytes } from "node:crypto";
import { BYPASS_SECRET_KEY, type BypassSecret } from "./bypass-secret";
import type { SiteContext } from "./ports";
import { actingUserId } from "./changed-by";
import { upsertSetting } from "./site-settings.repository";

export interface RotatedBypassKey {
  /** Shown to the staff member once; only its hash is stored. */
  readonly key: string;
}

export function hashBypassKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * Makes a new bypass key (24 random bytes, base64url) and stores its hash under a new
 * version. The old key stops working and every cookie issued with it stops verifying.
 */
export async function rotateBypassKey(
  ctx: Pick<SiteContext, "db" | "clock" | "actor" | "site">,
): Promise<RotatedBypassKey> {
  requireStaffOrSystem(ctx.actor);
  const actorUserId = actingUserId(ctx.actor);
  const key = randomBytes(24).toString("base64url");
  const now = ctx.clock.now().toISOString();
  const secret: BypassSecret = {
    hash: hashBypassKey(key),
    version: randomBytes(12).toString("base64url"),
    rotatedAt: now,
    rotatedBy: actorUserId,
  };
  await upsertSetting(ctx.db, {
    key: BYPASS_SECRET_KEY,
    value: JSON.stringify(secret),
    updatedAt: now,
    updatedBy: actorUserId,
  });
  ctx.site?.invalidate();
  return { key };
}

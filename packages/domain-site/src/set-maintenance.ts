import { parseInput, requireStaffOrSystem } from "@digistore/core";
import {
  MAINTENANCE_KEY,
  ZStoredMaintenance,
  parseStoredMaintenance,
  type MaintenanceState,
} from "./maintenance";
import type { SiteContext } from "./ports";
import { actingUserId } from "./changed-by";
import { findSettingValue, upsertSetting } from "./site-settings.repository";
import { ZSetMaintenanceInput } from "./site-settings.schemas";

/**
 * Staff turn maintenance mode on or off. An omitted message keeps the current one (so it is
 * pre-filled next time); an omitted `expectedBackAt` clears it, since a time set for an
 * earlier window would mislead. Records who changed it (null: the CLI) and when.
 */
export async function setMaintenance(
  ctx: Pick<SiteContext, "db" | "clock" | "actor" | "site">,
  input: unknown,
): Promise<MaintenanceState> {
  requireStaffOrSystem(ctx.actor);
  const { enabled, message, expectedBackAt } = parseInput(ZSetMaintenanceInput, input);
  const actorUserId = actingUserId(ctx.actor);
  const now = ctx.clock.now().toISOString();
  const state = await ctx.db.transaction().execute(async (trx) => {
    const previous = parseStoredMaintenance(await findSettingValue(trx, MAINTENANCE_KEY));
    const next: MaintenanceState = ZStoredMaintenance.parse({
      enabled,
      message: message ?? previous.message,
      expectedBackAt: expectedBackAt ?? null,
      changedAt: now,
      changedBy: actorUserId,
    });
    await upsertSetting(trx, {
      key: MAINTENANCE_KEY,
      value: JSON.stringify(next),
      updatedAt: now,
      updatedBy: actorUserId,
    });
    return next;
  });
  ctx.site?.invalidate();
  return state;
}

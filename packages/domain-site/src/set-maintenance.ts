import { parseInput } from "@digistore/core";
import {
  MAINTENANCE_KEY,
  ZStoredMaintenance,
  parseStoredMaintenance,
  type MaintenanceState,
} from "./maintenance";
import type { SiteDeps } from "./ports";
import { findSettingValue, upsertSetting } from "./site-settings.repository";
import { ZSetMaintenanceInput } from "./site-settings.schemas";

/**
 * Staff turn maintenance mode on or off. An omitted message keeps the current one (so it is
 * pre-filled next time); an omitted `expectedBackAt` clears it, since a time set for an
 * earlier window would mislead. Records who changed it and when.
 */
export async function setMaintenance(
  deps: SiteDeps,
  actorUserId: string | null,
  rawInput: unknown,
): Promise<MaintenanceState> {
  const input = parseInput(ZSetMaintenanceInput, rawInput);
  const now = deps.clock.now().toISOString();
  const state = await deps.db.transaction().execute(async (trx) => {
    const previous = parseStoredMaintenance(await findSettingValue(trx, MAINTENANCE_KEY));
    const next: MaintenanceState = ZStoredMaintenance.parse({
      enabled: input.enabled,
      message: input.message ?? previous.message,
      expectedBackAt: input.expectedBackAt ?? null,
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
  deps.reader?.invalidate();
  return state;
}

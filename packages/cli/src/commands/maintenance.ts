import { SYSTEM, systemClock } from "@digistore/core";
import type { Db } from "@digistore/db";
import {
  getBypassKeyInfo,
  getMaintenance,
  rotateBypassKey,
  setMaintenance,
} from "@digistore/domain-site";
import { parseArgs } from "node:util";
import { UsageError, type Io } from "../io";

export const maintenanceUsage = `digistore maintenance on [--message <text>] [--back-at <ISO time>]
  digistore maintenance off | status | rotate-key`;

/**
 * Maintenance from the shell, for when the web UI is not an option (deploys, incidents).
 * Running servers see the change within their cache TTL (SITE_SETTINGS_TTL_MS).
 */
export async function maintenanceCommand(db: Db, args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  // The operator at the shell acts as the store itself; changes are recorded as "from the CLI".
  const ctx = { db: db.db, clock: systemClock, actor: SYSTEM };
  switch (action) {
    case "on":
    case "off": {
      const { values } = parseArgs({
        args: rest,
        options: { message: { type: "string" }, "back-at": { type: "string" } },
        strict: true,
      });
      const state = await setMaintenance(ctx, {
        enabled: action === "on",
        ...(values.message !== undefined ? { message: values.message } : {}),
        ...(values["back-at"] !== undefined ? { expectedBackAt: values["back-at"] } : {}),
      });
      io.out(
        state.enabled ? `Maintenance mode is ON: "${state.message}"` : "Maintenance mode is off.",
      );
      return 0;
    }
    case "status": {
      const state = await getMaintenance(ctx);
      const key = await getBypassKeyInfo(ctx);
      io.out(`maintenance   ${state.enabled ? "ON" : "off"}`);
      io.out(`message       ${state.message}`);
      if (state.expectedBackAt) io.out(`back at       ${state.expectedBackAt}`);
      if (state.changedAt)
        io.out(
          `changed       ${state.changedAt}${state.changedBy ? ` by ${state.changedBy}` : " from the CLI"}`,
        );
      io.out(
        `bypass key    ${key ? `set ${key.rotatedAt}` : "none (run: digistore maintenance rotate-key)"}`,
      );
      return 0;
    }
    case "rotate-key": {
      const { key } = await rotateBypassKey(ctx);
      io.out(`New bypass key (shown once): ${key}`);
      io.out(`Use it by opening any store URL with ?bypass=${key}`);
      return 0;
    }
    default:
      throw new UsageError(
        `unknown maintenance action "${action ?? ""}". Usage: ${maintenanceUsage}`,
      );
  }
}

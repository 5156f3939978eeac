import type { Db } from "@digistore/db";
import { checkSalesRollups } from "@digistore/domain-sales";
import { UsageError, type Io } from "../io";

export const rollupsUsage = "digistore rollups [check|rebuild]";

/**
 * Compares the sales rollups with a recomputation from orders; `rebuild` also rewrites them.
 * `check` exits 1 when anything differs, so a cron job or CI can alert on it.
 */
export async function rollupsCommand(db: Db, args: string[], io: Io): Promise<number> {
  const action = args[0] ?? "check";
  if (action !== "check" && action !== "rebuild") {
    throw new UsageError(`unknown rollups action "${action}". Usage: ${rollupsUsage}`);
  }
  const result = await checkSalesRollups(db.db, db.dialect, { rebuild: action === "rebuild" });
  const differing = result.hourRowsDiffering + result.dayRowsDiffering;
  io.out(
    `Sales rollups: ${result.hourRowsDiffering} hour rows and ${result.dayRowsDiffering} day rows differ from the orders.`,
  );
  if (result.rebuilt) io.out("Rebuilt from the orders.");
  return action === "check" && differing > 0 ? 1 : 0;
}

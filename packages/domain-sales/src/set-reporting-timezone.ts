import { parseInput, requireUser } from "@digistore/core";
import type { VerbContext } from "@digistore/db";
import { rebuildSellerDays } from "./rebuild-sales-rollups";
import { ZSetReportingTimezoneInput } from "./sales.schemas";
import { setUserTimezone } from "./sellers.repository";

/**
 * Sets the zone a person's reports count days in. A seller's day rollup is rewritten from the
 * hour rollup in the same transaction; on PostgreSQL the update waits for webhooks that hold
 * the seller's row (see the sales order hook), so no sale lands in the old zone's days.
 */
export async function setReportingTimezone(
  ctx: Pick<VerbContext, "db" | "actor">,
  input: unknown,
): Promise<{ timezone: string }> {
  const user = requireUser(ctx.actor);
  const { timezone } = parseInput(ZSetReportingTimezoneInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    await setUserTimezone(trx, user.userId, timezone);
    await rebuildSellerDays(trx, user.userId, timezone);
  });
  return { timezone };
}

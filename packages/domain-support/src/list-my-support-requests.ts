import { parseInput, requireUser } from "@digistore/core";
import type { SupportContext } from "./ports";
import { listCustomerRequestViewRows } from "./support-requests.repository";
import { ZListMySupportRequestsInput } from "./support.schemas";
import { toSupportRequestSummary, type SupportRequestSummary } from "./support-summary";

/** My Supports: every request the caller opened, any status, latest activity first. */
export async function listMySupportRequests(
  ctx: Pick<SupportContext, "db" | "actor">,
  rawInput?: unknown,
): Promise<SupportRequestSummary[]> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZListMySupportRequestsInput, rawInput);
  const rows = await listCustomerRequestViewRows(ctx.db, userId, input.limit);
  return rows.map((row) => toSupportRequestSummary(row, "customer"));
}

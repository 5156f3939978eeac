import type { User } from "@digistore/domain-users";
import type { SupportDeps } from "./ports";
import { listCustomerRequestViewRows } from "./support-requests.repository";
import { toSupportRequestSummary, type SupportRequestSummary } from "./support-summary";

/** My Supports: every request this customer opened, any status, latest activity first. */
export async function listMySupportRequests(
  deps: Pick<SupportDeps, "orders">,
  customer: User,
  limit = 100,
): Promise<SupportRequestSummary[]> {
  const rows = await listCustomerRequestViewRows(
    deps.orders.db,
    customer.id,
    Math.min(Math.max(limit, 1), 500),
  );
  return rows.map((row) => toSupportRequestSummary(row, "customer"));
}

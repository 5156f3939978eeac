import { parseInput } from "@digistore/core";
import type { User } from "@digistore/domain-users";
import type { SupportDeps } from "./ports";
import { listSellerRequestViewRows } from "./support-requests.repository";
import { ZSellerInboxFilter } from "./support.schemas";
import { toSupportRequestSummary, type SupportRequestSummary } from "./support-summary";

/**
 * The seller's support inbox: requests for their products that were paid (unpaid and expired
 * ones are not theirs to answer), latest activity first, each with the seller's unread flag.
 * Filter by status and product. Anyone may ask; it only ever lists their own products' requests.
 */
export async function listSellerInbox(
  deps: Pick<SupportDeps, "orders">,
  seller: User,
  rawFilter: unknown = {},
  limit = 200,
): Promise<SupportRequestSummary[]> {
  const filter = parseInput(ZSellerInboxFilter, rawFilter);
  const rows = await listSellerRequestViewRows(
    deps.orders.db,
    seller.id,
    filter,
    Math.min(Math.max(limit, 1), 500),
  );
  return rows.map((row) => toSupportRequestSummary(row, "seller"));
}

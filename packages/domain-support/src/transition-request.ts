import { ConflictError, PreconditionFailedError } from "@digistore/core";
import type { Database, SupportRequestsTable, SupportStatus } from "@digistore/db";
import type { Kysely, Updateable } from "kysely";
import { findActiveRequestId, updateRequestIfStatus } from "./support-requests.repository";
import { isActive, nextStatus, refusalFor, type SupportEvent } from "./support-request";

/**
 * Applies one event a person caused to a (locked) request, by the transition table: an illegal
 * move is PRECONDITION_FAILED; reopening while the purchase already has another active request
 * is CONFLICT (the partial unique index would refuse it anyway). Returns the new status.
 */
export async function transitionRequest(
  trx: Kysely<Database>,
  row: SupportRequestsTable,
  event: SupportEvent,
  changes: Omit<Updateable<SupportRequestsTable>, "status">,
): Promise<SupportStatus> {
  const target = nextStatus(row.status, event);
  if (target === null) throw new PreconditionFailedError(refusalFor(row.status, event));
  if (isActive(target) && !isActive(row.status)) {
    if (await findActiveRequestId(trx, row.purchase_id, row.id)) {
      throw new ConflictError(
        "Another support request for this product is already active: continue there.",
      );
    }
  }
  const moved = await updateRequestIfStatus(trx, row.id, row.status, {
    ...changes,
    status: target,
  });
  if (!moved) throw new ConflictError("This support request just changed. Reload and try again.");
  return target;
}

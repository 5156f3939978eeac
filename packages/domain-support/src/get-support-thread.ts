import { NotFoundError, parseInput, requireUser } from "@digistore/core";
import { personOf } from "./on-locked-request";
import type { SupportContext } from "./ports";
import { toSupportMessage, type SupportMessage } from "./support-message";
import { listMessageRows } from "./support-messages.repository";
import { findRequestViewRow, updateRequestRow } from "./support-requests.repository";
import { availableActions, roleOf, type SupportActions, type SupportRole } from "./support-request";
import { ZSupportRequestRef } from "./support.schemas";
import { toSupportRequestSummary, type SupportRequestSummary } from "./support-summary";

export interface SupportThread {
  readonly request: SupportRequestSummary;
  readonly viewerRole: SupportRole;
  /** What this viewer may do now (the verbs enforce the same rules). */
  readonly actions: SupportActions;
  /** Oldest first. */
  readonly messages: SupportMessage[];
}

/**
 * A request and its messages, for its customer, the product's seller or staff — anyone else
 * gets NOT_FOUND. Reading marks the thread read for the viewer's side (staff leave no marker).
 * Ended requests (closed, cancelled, expired) stay readable.
 */
export async function getSupportThread(
  ctx: Pick<SupportContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<SupportThread> {
  const viewer = requireUser(ctx.actor);
  const input = parseInput(ZSupportRequestRef, rawInput);
  const { db, clock } = ctx;
  const row = await findRequestViewRow(db, input.requestId);
  const role = row
    ? roleOf(personOf(viewer), { customerId: row.user_id, sellerId: row.seller_id })
    : null;
  if (!row || !role) throw new NotFoundError("Support request not found.");

  let viewed = row;
  const readColumn =
    role === "customer" ? "customer_read_at" : role === "seller" ? "seller_read_at" : null;
  if (readColumn) {
    const readAt = row[readColumn];
    if (readAt === null || readAt < row.last_message_at) {
      const at = clock.now().toISOString();
      await updateRequestRow(db, row.id, { [readColumn]: at });
      viewed = { ...row, [readColumn]: at };
    }
  }
  const messages = (await listMessageRows(db, row.id)).map(toSupportMessage);
  return {
    request: toSupportRequestSummary(viewed, role),
    viewerRole: role,
    actions: availableActions(role, row.status),
    messages,
  };
}

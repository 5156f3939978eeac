import { newId, parseInput } from "@digistore/core";
import type { SupportDeps, SupportActor } from "./ports";
import { onLockedRequest } from "./request-access";
import { moveRequest } from "./move-request";
import { toSupportMessage, type SupportMessage } from "./support-message";
import { insertMessageRow } from "./support-messages.repository";
import { queueSupportReply } from "./support-emails";
import { replyEvent } from "./support-request";
import { ZReplyInput } from "./support.schemas";

/**
 * A message in the thread. The customer's reply makes the request `open` (and reopens a
 * resolved one); the seller's — or staff's, who answer on the store's side — makes it
 * `answered`. The other side is emailed. Unpaid, closed, cancelled and expired requests take
 * no replies, and neither the seller nor staff can reply to a resolved one.
 */
export async function replyToSupportRequest(
  deps: SupportDeps,
  actor: SupportActor,
  rawInput: unknown,
): Promise<SupportMessage> {
  const input = parseInput(ZReplyInput, rawInput);
  return onLockedRequest(deps, actor, input.requestId, async (trx, { row, role }, now) => {
    const at = now.toISOString();
    await moveRequest(trx, row, replyEvent(role), {
      last_message_at: at,
      updated_at: at,
      // Writing in a thread means having read it.
      ...(role === "customer" ? { customer_read_at: at } : {}),
      ...(role === "seller" ? { seller_read_at: at } : {}),
    });
    const message = {
      id: newId(now.getTime()),
      request_id: row.id,
      author_id: actor.user.id,
      author_role: role,
      body: input.body,
      created_at: at,
    };
    await insertMessageRow(trx, message);
    await queueSupportReply(trx, deps.emails, row, { user: actor.user, role });
    return toSupportMessage({ ...message, author_name: actor.user.displayName });
  });
}

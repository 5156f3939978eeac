import { newId, parseInput, requireUser } from "@digistore/core";
import { getUserById } from "@digistore/domain-users";
import { onLockedRequest } from "./on-locked-request";
import type { SupportContext } from "./ports";
import { transitionRequest } from "./transition-request";
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
  ctx: Pick<SupportContext, "db" | "dialect" | "clock" | "actor" | "emails">,
  rawInput: unknown,
): Promise<SupportMessage> {
  requireUser(ctx.actor);
  const input = parseInput(ZReplyInput, rawInput);
  return onLockedRequest(ctx, input.requestId, async (trx, { row, role, actor }, now) => {
    const at = now.toISOString();
    await transitionRequest(trx, row, replyEvent(role), {
      last_message_at: at,
      updated_at: at,
      // Writing in a thread means having read it.
      ...(role === "customer" ? { customer_read_at: at } : {}),
      ...(role === "seller" ? { seller_read_at: at } : {}),
    });
    const message = {
      id: newId(now.getTime()),
      request_id: row.id,
      author_id: actor.userId,
      author_role: role,
      body: input.body,
      created_at: at,
    };
    await insertMessageRow(trx, message);
    // The author's name signs the message and the email.
    const author = await getUserById({ db: trx }, actor.userId);
    await queueSupportReply(trx, ctx.emails, row, { user: author, role });
    return toSupportMessage({ ...message, author_name: author.displayName });
  });
}

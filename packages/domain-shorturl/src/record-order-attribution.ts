import { parseInput, requireUser } from "@digistore/core";
import type { VerbContext } from "@digistore/db";
import type { z } from "zod";
import { readAttributionCookie } from "./attribution";
import { ZRecordOrderAttributionInput } from "./short-links.schemas";

/**
 * A checkout just started with a link's cookie in the browser: remember the link beside the
 * order. Nothing about access or the order changes; a cookie for a deleted link, one from
 * outside the window, or an order that is not the caller's records nothing.
 */
export async function recordOrderAttribution(
  ctx: Pick<VerbContext, "db" | "clock" | "actor">,
  input: z.input<typeof ZRecordOrderAttributionInput>,
): Promise<{ attributed: boolean }> {
  const user = requireUser(ctx.actor);
  const { orderId, cookie } = parseInput(ZRecordOrderAttributionInput, input);
  const now = ctx.clock.now();
  const claim = readAttributionCookie(cookie, now);
  if (!claim) return { attributed: false };
  const [order, link] = await Promise.all([
    ctx.db
      .selectFrom("orders")
      .select(["user_id", "kind"])
      .where("id", "=", orderId)
      .executeTakeFirst(),
    ctx.db
      .selectFrom("short_links")
      .select("id")
      .where("id", "=", claim.linkId)
      .where("deleted_at", "is", null)
      .executeTakeFirst(),
  ]);
  if (!order || order.user_id !== user.userId || order.kind !== "product" || !link) {
    return { attributed: false };
  }
  const inserted = await ctx.db
    .insertInto("order_attributions")
    .values({ order_id: orderId, link_id: link.id, created_at: now.toISOString() })
    .onConflict((oc) => oc.column("order_id").doNothing())
    .executeTakeFirst();
  return { attributed: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
}

import { parseInput } from "@digistore/core";
import { loadOwnLink } from "./load-own-link";
import type { ShortUrlContext } from "./ports";
import { ZShortLinkRef } from "./short-links.schemas";
import { updateShortLinkRow } from "./short-links.repository";

/**
 * The owner deletes a link: it answers 404 from now on and leaves their list. Its slug is never
 * given to anyone else, and its clicks and attributed sales stay for the store's books.
 */
export async function deleteShortLink(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<{ deleted: true; slug: string }> {
  const { linkId } = parseInput(ZShortLinkRef, input);
  const link = await loadOwnLink(ctx.db, ctx.actor, linkId);
  const now = ctx.clock.now().toISOString();
  await updateShortLinkRow(ctx.db, link.id, { deleted_at: now, updated_at: now });
  return { deleted: true, slug: link.slug };
}

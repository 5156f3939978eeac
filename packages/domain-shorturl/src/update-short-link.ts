import { parseInput } from "@digistore/core";
import { targetColumns } from "./link-target";
import { loadOwnLink } from "./load-own-link";
import type { ShortUrlContext } from "./ports";
import type { ShortLink } from "./short-link";
import { ZUpdateShortLinkInput } from "./short-links.schemas";
import { findShortLinkRow, updateShortLinkRow } from "./short-links.repository";
import { toShortLink } from "./to-short-link";

/** The owner changes where a link goes (its slug stays: it may already be printed). */
export async function updateShortLink(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor" | "publicUrl">,
  input: unknown,
): Promise<ShortLink> {
  const parsed = parseInput(ZUpdateShortLinkInput, input);
  const link = await loadOwnLink(ctx.db, ctx.actor, parsed.linkId);
  const now = ctx.clock.now();
  const columns = await targetColumns(ctx.db, ctx.actor, ctx.publicUrl, now, parsed);
  await updateShortLinkRow(ctx.db, link.id, { ...columns, updated_at: now.toISOString() });
  return toShortLink((await findShortLinkRow(ctx.db, link.id))!, ctx.publicUrl, now);
}

import { ForbiddenError, parseInput } from "@digistore/core";
import { loadOwnLink } from "./load-own-link";
import type { ShortUrlContext } from "./ports";
import type { ShortLink } from "./short-link";
import { ZSetShortLinkEnabledInput } from "./short-links.schemas";
import { findShortLinkRow, updateShortLinkRow } from "./short-links.repository";
import { toShortLink } from "./to-short-link";

/** The owner pauses or resumes a link; one that staff disabled stays disabled. */
export async function setShortLinkEnabled(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor" | "publicUrl">,
  input: unknown,
): Promise<ShortLink> {
  const { linkId, enabled } = parseInput(ZSetShortLinkEnabledInput, input);
  const link = await loadOwnLink(ctx.db, ctx.actor, linkId);
  if (link.disabled_by === "staff") {
    throw new ForbiddenError("Staff disabled this link; it cannot be turned back on.");
  }
  const now = ctx.clock.now().toISOString();
  await updateShortLinkRow(ctx.db, link.id, {
    disabled_at: enabled ? null : (link.disabled_at ?? now),
    disabled_by: enabled ? null : "owner",
    disabled_reason: null,
    updated_at: now,
  });
  return toShortLink((await findShortLinkRow(ctx.db, link.id))!, ctx.publicUrl, ctx.clock.now());
}

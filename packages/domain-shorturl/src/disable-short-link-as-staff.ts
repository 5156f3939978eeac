import { NotFoundError, parseInput, requireStaff } from "@digistore/core";
import type { ShortUrlContext } from "./ports";
import type { ShortLink } from "./short-link";
import { ZDisableShortLinkAsStaffInput } from "./short-links.schemas";
import { findShortLinkRow, updateShortLinkRow } from "./short-links.repository";
import { toShortLink } from "./to-short-link";

/** Staff stop any link (phishing, abuse), with a reason its owner is shown. */
export async function disableShortLinkAsStaff(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor" | "publicUrl">,
  input: unknown,
): Promise<ShortLink> {
  requireStaff(ctx.actor);
  const { linkId, reason } = parseInput(ZDisableShortLinkAsStaffInput, input);
  const link = await findShortLinkRow(ctx.db, linkId);
  if (!link) throw new NotFoundError("Link not found.");
  const now = ctx.clock.now().toISOString();
  await updateShortLinkRow(ctx.db, link.id, {
    disabled_at: now,
    disabled_by: "staff",
    disabled_reason: reason,
    updated_at: now,
  });
  return toShortLink((await findShortLinkRow(ctx.db, link.id))!, ctx.publicUrl, ctx.clock.now());
}

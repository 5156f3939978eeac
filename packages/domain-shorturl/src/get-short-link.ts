import { parseInput } from "@digistore/core";
import { loadOwnLink } from "./load-own-link";
import type { ShortUrlContext } from "./ports";
import type { ShortLink } from "./short-link";
import { ZShortLinkRef } from "./short-links.schemas";
import { toShortLink } from "./to-short-link";

/** One link, for its owner (or staff). */
export async function getShortLink(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor" | "publicUrl">,
  input: unknown,
): Promise<ShortLink> {
  const { linkId } = parseInput(ZShortLinkRef, input);
  const row = await loadOwnLink(ctx.db, ctx.actor, linkId, { staffMayRead: true });
  return toShortLink(row, ctx.publicUrl, ctx.clock.now());
}

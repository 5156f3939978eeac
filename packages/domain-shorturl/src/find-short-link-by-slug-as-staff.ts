import { NotFoundError, parseInput, requireStaff } from "@digistore/core";
import type { ShortUrlContext } from "./ports";
import type { ShortLink } from "./short-link";
import { ZFindShortLinkBySlugInput } from "./short-links.schemas";
import { findShortLinkRowBySlug } from "./short-links.repository";
import { toShortLink } from "./to-short-link";

/** Staff look a reported link up by the slug people see (e.g. to disable it). */
export async function findShortLinkBySlugAsStaff(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor" | "publicUrl">,
  input: unknown,
): Promise<ShortLink> {
  requireStaff(ctx.actor);
  const { slug } = parseInput(ZFindShortLinkBySlugInput, input);
  const row = await findShortLinkRowBySlug(ctx.db, slug);
  if (!row) throw new NotFoundError("No link has that slug.");
  return toShortLink(row, ctx.publicUrl, ctx.clock.now());
}

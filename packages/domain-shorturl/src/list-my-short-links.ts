import { decodeCursor, parseInput, requireUser, toPage, type Page } from "@digistore/core";
import type { ShortUrlContext } from "./ports";
import type { ShortLink } from "./short-link";
import { ZListShortLinksInput } from "./short-links.schemas";
import { listOwnerShortLinkRows } from "./short-links.repository";
import { toShortLink } from "./to-short-link";

/** The person's own links, newest first. */
export async function listMyShortLinks(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor" | "publicUrl">,
  input: unknown = {},
): Promise<Page<ShortLink>> {
  const user = requireUser(ctx.actor);
  const { limit, cursor } = parseInput(ZListShortLinksInput, input);
  const key = cursor ? decodeCursor(cursor) : null;
  const after =
    key && typeof key[0] === "string" && typeof key[1] === "string"
      ? { createdAt: key[0], id: key[1] }
      : null;
  const rows = await listOwnerShortLinkRows(ctx.db, user.userId, limit + 1, after);
  const now = ctx.clock.now();
  const links = rows.map((row) => toShortLink(row, ctx.publicUrl, now));
  return toPage(links, limit, (link) => [link.createdAt, link.id]);
}

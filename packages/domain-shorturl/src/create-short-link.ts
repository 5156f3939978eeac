import {
  ConflictError,
  ForbiddenError,
  MINUTE,
  newId,
  parseInput,
  requireUser,
  ValidationError,
} from "@digistore/core";
import { isUniqueViolation } from "@digistore/db";
import { consumeRateLimit, type RateLimitRule } from "@digistore/rate-limit";
import { targetColumns } from "./link-target";
import type { ShortUrlContext } from "./ports";
import type { ShortLink } from "./short-link";
import { ZCreateShortLinkInput } from "./short-links.schemas";
import { findShortLinkRow, insertShortLinkRow, slugTaken } from "./short-links.repository";
import { isReservedSlug, randomSlug } from "./slug";
import { toShortLink } from "./to-short-link";

const linkCreationsPerUser: RateLimitRule = {
  name: "shortlink:create:user",
  limit: 30,
  windowMs: 60 * MINUTE,
  message: "You have made many links in a short time. Try again in a little while.",
};

const SLUG_TAKEN = "That slug is taken. Choose another one.";

/** A verified person makes a link: a custom slug of theirs, or a random one. */
export async function createShortLink(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor" | "publicUrl">,
  input: unknown,
): Promise<ShortLink> {
  const user = requireUser(ctx.actor);
  const parsed = parseInput(ZCreateShortLinkInput, input);
  const person = await ctx.db
    .selectFrom("users")
    .select(["email_verified_at", "disabled_at"])
    .where("id", "=", user.userId)
    .executeTakeFirst();
  if (!person?.email_verified_at || person.disabled_at) {
    throw new ForbiddenError("Verify your email address first.");
  }
  if (parsed.slug && isReservedSlug(parsed.slug)) {
    const message = "That word is kept for the store's own pages. Choose another slug.";
    throw new ValidationError(message, { slug: [message] });
  }
  const now = ctx.clock.now();
  const columns = await targetColumns(ctx.db, ctx.actor, ctx.publicUrl, now, parsed);
  await consumeRateLimit(ctx.db, linkCreationsPerUser, user.userId, now);

  const id = newId();
  const row = {
    id,
    owner_id: user.userId,
    ...columns,
    disabled_at: null,
    disabled_by: null,
    disabled_reason: null,
    deleted_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  // A random slug that clashes (1 in 27 billion) is drawn again; a custom one is refused.
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = parsed.slug ?? randomSlug();
    if (isReservedSlug(slug) || (await slugTaken(ctx.db, slug))) {
      if (parsed.slug) throw new ConflictError(SLUG_TAKEN);
      continue;
    }
    try {
      await insertShortLinkRow(ctx.db, { ...row, slug });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (parsed.slug) throw new ConflictError(SLUG_TAKEN);
      continue;
    }
    const stored = await findShortLinkRow(ctx.db, id);
    return toShortLink(stored!, ctx.publicUrl, now);
  }
  throw new ConflictError("Could not find a free slug. Try again.");
}

import { NotFoundError, PreconditionFailedError, parseInput, requireUser } from "@digistore/core";
import type { UsersContext } from "./ports";
import { toUser, type User } from "./user";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZBecomeSellerInput } from "./users.schemas";

/** "Start selling": a verified customer accepts the seller terms and gains the seller role. */
export async function becomeSeller(
  ctx: Pick<UsersContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<User> {
  const { userId } = requireUser(ctx.actor);
  parseInput(ZBecomeSellerInput, input);
  const now = ctx.clock.now().toISOString();
  const row = await findUserRowById(ctx.db, userId);
  if (!row) throw new NotFoundError("Account not found.");
  if (row.is_staff === 1) throw new PreconditionFailedError("Staff accounts cannot sell.");
  if (row.email_verified_at === null) {
    throw new PreconditionFailedError("Verify your email address before you start selling.");
  }
  if (row.is_seller === 1) return toUser(row);
  await updateUserRow(ctx.db, userId, {
    is_seller: 1,
    seller_terms_accepted_at: now,
    updated_at: now,
  });
  return toUser({ ...row, is_seller: 1, seller_terms_accepted_at: now });
}

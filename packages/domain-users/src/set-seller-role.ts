import { NotFoundError, PreconditionFailedError, parseInput, requireStaff } from "@digistore/core";
import type { UsersContext } from "./ports";
import { toUser, type User } from "./user";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZSetSellerRoleInput } from "./users.schemas";

/**
 * Staff grant or revoke the seller role. Revoking stops the person managing products; what
 * they sold stays with its buyers, and their listings stay as they are until staff act on them.
 */
export async function setSellerRole(
  ctx: Pick<UsersContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<User> {
  requireStaff(ctx.actor);
  const { userId, seller } = parseInput(ZSetSellerRoleInput, input);
  const row = await findUserRowById(ctx.db, userId);
  if (!row) throw new NotFoundError("Account not found.");
  if (row.is_staff === 1) throw new PreconditionFailedError("Staff accounts cannot sell.");
  const now = ctx.clock.now().toISOString();
  const changes = seller
    ? {
        is_seller: 1 as const,
        seller_terms_accepted_at: row.seller_terms_accepted_at ?? now,
        updated_at: now,
      }
    : { is_seller: 0 as const, updated_at: now };
  await updateUserRow(ctx.db, row.id, changes);
  return toUser({ ...row, ...changes });
}

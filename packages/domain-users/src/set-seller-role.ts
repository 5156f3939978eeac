import { NotFoundError, PreconditionFailedError, parseInput } from "@digistore/core";
import type { UsersDeps } from "./ports";
import { toUser, type User } from "./user";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZSetSellerRoleInput } from "./users.schemas";

/**
 * Staff grant or revoke the seller role. Revoking stops the person managing products; what
 * they sold stays with its buyers, and their listings stay as they are until staff act on them.
 */
export async function setSellerRole(deps: Pick<UsersDeps, "db" | "clock">, rawInput: unknown): Promise<User> {
  const input = parseInput(ZSetSellerRoleInput, rawInput);
  const row = await findUserRowById(deps.db, input.userId);
  if (!row) throw new NotFoundError("Account not found.");
  if (row.is_staff === 1) throw new PreconditionFailedError("Staff accounts cannot sell.");
  const now = deps.clock.now().toISOString();
  const changes = input.seller
    ? { is_seller: 1 as const, seller_terms_accepted_at: row.seller_terms_accepted_at ?? now, updated_at: now }
    : { is_seller: 0 as const, updated_at: now };
  await updateUserRow(deps.db, row.id, changes);
  return toUser({ ...row, ...changes });
}

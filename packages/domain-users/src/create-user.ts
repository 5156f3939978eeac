import { ConflictError, newId, parseInput, requireStaffOrSystem } from "@digistore/core";
import { hashPassword } from "./password";
import type { UsersContext } from "./ports";
import { toUser, type User } from "./user";
import { findUserRowByEmail, insertUserRow } from "./users.repository";
import { ZCreateUserInput } from "./users.schemas";

/**
 * Operator path (CLI, seed): the only way to make staff. Staff are not customers; a seller is
 * always a customer too. Accounts made here are verified unless told otherwise.
 */
export async function createUser(
  ctx: Pick<UsersContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<User> {
  requireStaffOrSystem(ctx.actor);
  return createUserHashedBy(ctx, input, hashPassword);
}

/**
 * createUser with the password hashing supplied (called once the account is known to be new):
 * test fixtures reuse one real hash instead of paying argon2 for every user.
 */
export async function createUserHashedBy(
  deps: Pick<UsersContext, "db" | "clock">,
  rawInput: unknown,
  hash: (password: string) => Promise<string>,
): Promise<User> {
  const input = parseInput(ZCreateUserInput, rawInput);
  if (input.staff && input.seller) {
    throw new ConflictError(
      "An account cannot be both staff and seller: staff do not buy or sell.",
    );
  }
  const now = deps.clock.now().toISOString();
  if (await findUserRowByEmail(deps.db, input.email)) {
    throw new ConflictError(`An account with ${input.email} already exists.`);
  }
  const row = {
    id: newId(),
    email: input.email,
    display_name: input.displayName,
    password_hash: await hash(input.password),
    email_verified_at: input.verified ? now : null,
    is_customer: input.staff ? (0 as const) : (1 as const),
    is_seller: input.seller ? (1 as const) : (0 as const),
    is_staff: input.staff ? (1 as const) : (0 as const),
    seller_terms_accepted_at: input.seller ? now : null,
    disabled_at: null,
    timezone: "UTC",
    sale_emails: "each" as const,
    sale_digest_through: null,
    created_at: now,
    updated_at: now,
  };
  await insertUserRow(deps.db, row);
  return toUser(row);
}

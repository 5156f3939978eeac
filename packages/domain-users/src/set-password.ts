import { NotFoundError, parseInput, requireStaffOrSystem } from "@digistore/core";
import { hashPassword } from "./password";
import type { UsersContext } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { findUserRowByEmail, updateUserRow } from "./users.repository";
import { ZSetPasswordInput } from "./users.schemas";

/** Operator path (CLI): set a password directly; every session of the account ends. */
export async function setPassword(
  ctx: Pick<UsersContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<void> {
  requireStaffOrSystem(ctx.actor);
  const { email, password } = parseInput(ZSetPasswordInput, input);
  const row = await findUserRowByEmail(ctx.db, email);
  if (!row) throw new NotFoundError(`No account with ${email}.`);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, row.id, {
      password_hash: passwordHash,
      updated_at: ctx.clock.now().toISOString(),
    });
    await deleteUserSessions(trx, row.id);
  });
}

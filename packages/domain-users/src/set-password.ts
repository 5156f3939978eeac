import { NotFoundError, parseInput } from "@digistore/core";
import { hashPassword } from "./password";
import type { UsersDeps } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { findUserRowByEmail, updateUserRow } from "./users.repository";
import { ZSetPasswordInput } from "./users.schemas";

/** Operator path (CLI): set a password directly; every session of the account ends. */
export async function setPassword(
  deps: Pick<UsersDeps, "db" | "clock">,
  rawInput: unknown,
): Promise<void> {
  const input = parseInput(ZSetPasswordInput, rawInput);
  const row = await findUserRowByEmail(deps.db, input.email);
  if (!row) throw new NotFoundError(`No account with ${input.email}.`);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, row.id, {
      password_hash: passwordHash,
      updated_at: deps.clock.now().toISOString(),
    });
    await deleteUserSessions(trx, row.id);
  });
}

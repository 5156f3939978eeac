import { NotFoundError, parseInput } from "@digistore/core";
import type { UsersDeps } from "./ports";
import { toUser, type User } from "./user";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZUpdateProfileInput } from "./users.schemas";

export async function updateProfile(
  deps: Pick<UsersDeps, "db" | "clock">,
  userId: string,
  rawInput: unknown,
): Promise<User> {
  const input = parseInput(ZUpdateProfileInput, rawInput);
  await updateUserRow(deps.db, userId, {
    display_name: input.displayName,
    updated_at: deps.clock.now().toISOString(),
  });
  const row = await findUserRowById(deps.db, userId);
  if (!row) throw new NotFoundError("Account not found.");
  return toUser(row);
}

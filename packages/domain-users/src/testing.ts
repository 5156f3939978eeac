import type { Clock } from "@digistore/core";
import { systemClock } from "@digistore/core";
import type { Database } from "@digistore/db";
import { RecordingOutbox } from "@digistore/db/testing";
import type { Kysely } from "kysely";
import { createUserHashedBy } from "./create-user";
import { hashPassword } from "./password";
import type { EmailQueue, UserEmail } from "./ports";
import { createSession } from "./session";
import type { User } from "./user";

/** The account emails a domain test queued, kept only if their transaction committed. */
export class RecordingEmailQueue extends RecordingOutbox<UserEmail> implements EmailQueue {}

let counter = 0;

const FIXTURE_PASSWORD = "correct horse battery";
let fixtureHash: Promise<string> | undefined;

/** argon2 is slow on purpose: the fixture password is hashed once (a real hash) and reused. */
function hashFixturePassword(password: string): Promise<string> {
  if (password !== FIXTURE_PASSWORD) return hashPassword(password);
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  return fixtureHash;
}

export interface UserFixture {
  readonly user: User;
  readonly password: string;
}

/** A user straight into the database (verified customer unless told otherwise). */
export async function createTestUser(
  db: Kysely<Database>,
  options: {
    email?: string;
    password?: string;
    displayName?: string;
    verified?: boolean;
    seller?: boolean;
    staff?: boolean;
    clock?: Clock;
  } = {},
): Promise<UserFixture> {
  counter += 1;
  const password = options.password ?? FIXTURE_PASSWORD;
  const user = await createUserHashedBy(
    { db, clock: options.clock ?? systemClock },
    {
      email: options.email ?? `user${counter}-${Date.now()}@example.test`,
      password,
      displayName: options.displayName ?? `Test User ${counter}`,
      verified: options.verified ?? true,
      seller: options.seller ?? false,
      staff: options.staff ?? false,
    },
    hashFixturePassword,
  );
  return { user, password };
}

/** A signed-in user: the fixture plus a live session token. */
export async function createSignedInUser(
  db: Kysely<Database>,
  options: Parameters<typeof createTestUser>[1] = {},
): Promise<UserFixture & { token: string; sessionId: string }> {
  const fixture = await createTestUser(db, options);
  const { token, session } = await createSession(
    db,
    (options.clock ?? systemClock).now(),
    fixture.user.id,
  );
  return { ...fixture, token, sessionId: session.id };
}

import type { Actor, Clock } from "@digistore/core";
import { ANONYMOUS, systemClock, userActor } from "@digistore/core";
import type { Database, Dialect } from "@digistore/db";
import { RecordingOutbox } from "@digistore/db/testing";
import type { Kysely, KyselyPlugin } from "kysely";
import { createUserHashedBy } from "./create-user";
import { hashPassword } from "./password";
import type { ClientInfo, EmailQueue, UserEmail, UsersContext } from "./ports";
import { createSession } from "./session";
import type { User } from "./user";

/** The account emails a domain test queued, kept only if their transaction committed. */
export class RecordingEmailQueue extends RecordingOutbox<UserEmail> implements EmailQueue {}

/**
 * A verb context for a test: anonymous, from no particular client, unless told otherwise.
 * `ctxFor` turns it into a person.
 */
export function usersTestContext(
  db: Kysely<Database>,
  dialect: Dialect,
  options: { clock?: Clock; emails?: EmailQueue; actor?: Actor; client?: ClientInfo } = {},
): UsersContext {
  return {
    db,
    dialect,
    clock: options.clock ?? systemClock,
    emails: options.emails ?? new RecordingEmailQueue(db),
    actor: options.actor ?? ANONYMOUS,
    client: options.client ?? {},
  };
}

/** The same context acting as `user` (with `sessionId` when the call stands for a request). */
export function ctxFor<C extends { readonly actor: Actor }>(
  ctx: C,
  user: { readonly id: string; readonly roles: { seller: boolean; staff: boolean } },
  sessionId: string | null = null,
): C {
  return { ...ctx, actor: userActor(user, sessionId) };
}

/** Counts the reads of the sessions table made through `watched` (the database stays real). */
export function countSessionReads(db: Kysely<Database>): {
  readonly watched: Kysely<Database>;
  reads: number;
} {
  const counter = { watched: db, reads: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === "SelectQueryNode" && JSON.stringify(node.from).includes('"sessions"'))
        counter.reads++;
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  counter.watched = db.withPlugin(plugin);
  return counter;
}

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

import type { Clock } from "@digistore/core";
import { systemClock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { createUser } from "./create-user";
import type { EmailQueue, UserEmail } from "./ports";
import { createSession } from "./session";
import type { User } from "./user";

/** An email queue for domain tests that keeps what was queued, in the caller's transaction. */
export class RecordingEmailQueue implements EmailQueue {
  readonly sent: UserEmail[] = [];

  async queue(db: Kysely<Database>, email: UserEmail): Promise<void> {
    // Touch the executor so a rolled-back transaction's email is dropped like the real outbox's.
    await db.selectFrom("users").select("id").limit(1).execute();
    this.sent.push(email);
  }

  last(kind: UserEmail["kind"]): UserEmail | undefined {
    return this.sent.filter((e) => e.kind === kind).at(-1);
  }

  tokenOf(kind: "verify_email" | "reset_password"): string {
    const email = this.last(kind);
    if (!email || !("token" in email)) throw new Error(`no ${kind} email was queued`);
    return email.token;
  }
}

let counter = 0;

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
  const password = options.password ?? "correct horse battery";
  const user = await createUser(
    { db, clock: options.clock ?? systemClock },
    {
      email: options.email ?? `user${counter}-${Date.now()}@example.test`,
      password,
      displayName: options.displayName ?? `Test User ${counter}`,
      verified: options.verified ?? true,
      seller: options.seller ?? false,
      staff: options.staff ?? false,
    },
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

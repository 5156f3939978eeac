import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";

/** Emails this domain causes; the mail package renders and delivers them. */
export type UserEmail =
  | { kind: "verify_email"; to: string; displayName: string; token: string }
  | { kind: "reset_password"; to: string; displayName: string; token: string }
  | { kind: "account_exists"; to: string; displayName: string }
  | { kind: "password_changed"; to: string; displayName: string };

/**
 * Outbox port: `queue` writes with the executor it is given, so an email passed a transaction
 * is sent iff that transaction commits.
 */
export interface EmailQueue {
  queue(db: Kysely<Database>, email: UserEmail): Promise<unknown>;
}

export interface UsersDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly emails: EmailQueue;
}

/** Where a request came from, for rate limits and the session list. */
export interface ClientInfo {
  readonly ip?: string | undefined;
  readonly userAgent?: string | undefined;
}

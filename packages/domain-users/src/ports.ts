import type { Database, VerbContext } from "@digistore/db";
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

/** Where a request came from, for rate limits and the session list. */
export interface ClientInfo {
  readonly ip?: string | undefined;
  readonly userAgent?: string | undefined;
}

/**
 * What the account verbs take (each picks what it needs). `client` is where the call came
 * from — the transport's knowledge, never the caller's input — and `{}` outside a request
 * (CLI, jobs, tests).
 */
export interface UsersContext extends VerbContext {
  readonly emails: EmailQueue;
  readonly client: ClientInfo;
}

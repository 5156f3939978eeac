import { newId } from "@digistore/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface RecordableEmail {
  readonly kind: string;
  readonly to: string;
}

/**
 * An email queue for tests that keeps each email as given (not rendered), written with the
 * executor the caller passes, as the real outbox is: an email queued in a transaction that
 * rolls back is gone with it. `sent()` reads back what committed, in the order it was queued.
 * Rows are stored as already sent, so a mail worker never tries to deliver them.
 */
export class RecordingOutbox<E extends RecordableEmail> {
  #sequence = 0;
  /** Marks this double's rows, apart from real emails and other doubles' on the same database. */
  readonly #subject = `recorded by test double ${newId()}`;

  constructor(private readonly db: Kysely<Database>) {}

  async queue(db: Kysely<Database>, email: E): Promise<void> {
    const now = new Date().toISOString();
    this.#sequence += 1;
    await db
      .insertInto("email_outbox")
      .values({
        id: newId(),
        kind: email.kind,
        to_address: email.to,
        subject: this.#subject,
        text_body: JSON.stringify({ sequence: this.#sequence, email }),
        html_body: "",
        status: "sent",
        attempts: 0,
        next_attempt_at: now,
        locked_until: null,
        last_error: null,
        created_at: now,
        sent_at: now,
      })
      .execute();
  }

  /** Every email whose transaction committed, oldest first. */
  async sent(): Promise<E[]> {
    const rows = await this.db
      .selectFrom("email_outbox")
      .select("text_body")
      .where("subject", "=", this.#subject)
      .execute();
    return rows
      .map((row) => JSON.parse(row.text_body) as { sequence: number; email: E })
      .sort((a, b) => a.sequence - b.sequence)
      .map((recorded) => recorded.email);
  }

  async ofKind<K extends E["kind"]>(kind: K): Promise<Extract<E, { kind: K }>[]> {
    return (await this.sent()).filter((e): e is Extract<E, { kind: K }> => e.kind === kind);
  }

  async last<K extends E["kind"]>(kind: K): Promise<Extract<E, { kind: K }> | undefined> {
    return (await this.ofKind(kind)).at(-1);
  }

  /** The token of the last committed email of `kind`; throws if there is none. */
  async tokenOf(kind: E["kind"]): Promise<string> {
    const email = await this.last(kind);
    if (!email || !("token" in email) || typeof email.token !== "string") {
      throw new Error(`no ${kind} email was queued`);
    }
    return email.token;
  }
}

import { newId, parseInput, toTimestamp, type Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { ZEmailMessage, type EmailMessage } from "./messages";
import { renderEmail } from "./templates";

export interface OutboxOptions {
  /** Origin links in emails point at, e.g. `https://shop.example.com`. */
  readonly publicUrl: string;
  readonly storeName: string;
  readonly clock: Clock;
}

/** The port domain packages use to send email. */
export interface Outbox {
  /**
   * Renders `message` and inserts it with `db`. Pass the caller's transaction: the email is
   * then queued iff that transaction commits. Returns the outbox id.
   */
  queue(db: Kysely<Database>, message: EmailMessage): Promise<string>;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const { protocol } = new URL(options.publicUrl);
  // Links go into every email; a non-web origin here would be a configuration mistake.
  if (protocol !== "http:" && protocol !== "https:") {
    throw new TypeError(`publicUrl must be an http(s) URL, got ${protocol}`);
  }
  return {
    async queue(db, input) {
      // Callers are typed, but the row outlives this process: never store what we cannot send.
      const message = parseInput(ZEmailMessage, input);
      const rendered = renderEmail(message, options);
      const id = newId();
      const now = toTimestamp(options.clock.now());
      await db
        .insertInto("email_outbox")
        .values({
          id,
          kind: message.kind,
          to_address: message.to,
          subject: rendered.subject,
          text_body: rendered.text,
          html_body: rendered.html,
          status: "pending",
          attempts: 0,
          next_attempt_at: now,
          locked_until: null,
          last_error: null,
          created_at: now,
          sent_at: null,
        })
        .execute();
      return id;
    },
  };
}

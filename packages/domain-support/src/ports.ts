import type { Database, VerbContext } from "@digistore/db";
import type { OrdersContext } from "@digistore/domain-orders";
import type { Kysely } from "kysely";
import type { SupportRole } from "./support-request";

/**
 * Emails this domain causes; the mail package renders them (same shapes as its messages).
 * `path` is where the recipient reads the thread: `/supports/<id>` for the customer,
 * `/seller/support/<id>` for the seller.
 */
export type SupportEmail =
  | {
      /** To the seller: a request was paid and is waiting for an answer. */
      kind: "support_paid";
      to: string;
      displayName: string;
      requestId: string;
      productTitle: string;
      subject: string;
      customerName: string;
      path: string;
    }
  | {
      /** To the other side of the thread: someone replied. */
      kind: "support_reply";
      to: string;
      displayName: string;
      requestId: string;
      productTitle: string;
      subject: string;
      repliedBy: SupportRole;
      replierName: string;
      path: string;
    }
  | {
      /** To the customer: the seller (or staff) marked the request resolved. */
      kind: "support_resolved";
      to: string;
      displayName: string;
      requestId: string;
      productTitle: string;
      subject: string;
      path: string;
    };

/** Outbox port: writes with the executor it is given, so emails follow their transaction. */
export interface SupportEmailQueue {
  queue(db: Kysely<Database>, email: SupportEmail): Promise<unknown>;
}

/**
 * What support's verbs may use, flat: the verb context, the orders ports its checkout needs
 * (support orders are placed and paid through the one payment pipeline) and the outbox —
 * under the api's names, so a router passes its `ctx` as it is.
 */
export interface SupportContext extends VerbContext, Pick<OrdersContext, "payments" | "publicUrl"> {
  readonly emails: SupportEmailQueue;
}

/**
 * What the order hook needs. It is built before the orders context it is wired into, so it
 * takes only these.
 */
export type SupportHookDeps = Pick<SupportContext, "clock" | "dialect" | "emails">;

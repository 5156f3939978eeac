import type { Clock } from "@digistore/core";
import type { Database, Dialect } from "@digistore/db";
import type { OrdersDeps } from "@digistore/domain-orders";
import type { User } from "@digistore/domain-users";
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

export interface SupportDeps {
  /** The one payment pipeline (support orders are placed and paid through it). */
  readonly orders: OrdersDeps;
  readonly emails: SupportEmailQueue;
}

/**
 * What the order hook needs. It is built before the OrdersDeps it is wired into, so it takes
 * only these, not the whole SupportDeps.
 */
export interface SupportHookDeps {
  readonly clock: Clock;
  readonly dialect: Dialect;
  readonly emails: SupportEmailQueue;
}

/** Who is acting, as the API resolved it. Their part in a request is worked out per request. */
export interface SupportActor {
  readonly user: User;
}

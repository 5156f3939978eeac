import type { Database, VerbContext } from "@digistore/db";
import type { CatalogLimits, FileStorage } from "@digistore/domain-catalog";
import type { Kysely } from "kysely";
import type { Order } from "./order";
import type { PaymentProvider } from "./provider";

/** Emails this domain causes; the mail package renders them. */
export type OrderEmail =
  | {
      kind: "receipt";
      to: string;
      displayName: string;
      orderId: string;
      productTitle: string;
      amount: number;
      currency: string;
      orderKind: "product" | "support";
      /** Lines the hooks above orders add (a licence key, say), shown after the amount. */
      notes?: readonly string[];
    }
  | {
      kind: "refund_notice";
      to: string;
      displayName: string;
      orderId: string;
      productTitle: string;
      amount: number;
      currency: string;
      full: boolean;
    };

export interface OrderEmailQueue {
  queue(db: Kysely<Database>, email: OrderEmail): Promise<unknown>;
}

/**
 * Modules above orders (support, licences) react to an order's change inside the same
 * transaction, without orders knowing them: the app wires these in. A hook may hand back
 * lines for the receipt, which is queued after every hook has run.
 */
export interface OrderChangeHook {
  (db: Kysely<Database>, change: { before: Order; after: Order }): Promise<void | OrderHookResult>;
}

export interface OrderHookResult {
  readonly receiptNotes?: readonly string[];
}

/**
 * What orders' verbs may use: the verb context plus the ports, under the names the api's
 * request context gives them, so a router passes its `ctx` as it is. Each verb takes the
 * `Pick` of it that it needs.
 */
export interface OrdersContext extends VerbContext {
  readonly payments: PaymentProvider;
  readonly emails: OrderEmailQueue;
  readonly storage: FileStorage;
  /** Origin for return URLs, e.g. https://shop.example.com */
  readonly publicUrl: string;
  /** HMAC key for download links; the same in every process. */
  readonly downloadSecret: string;
  /** Reactions of upper modules (support) to an order's change, inside its transaction. */
  readonly orderHooks: readonly OrderChangeHook[];
  /** The library reads how long the "Updated" badge shows. */
  readonly catalogLimits: Pick<CatalogLimits, "updatedBadgeMs">;
}

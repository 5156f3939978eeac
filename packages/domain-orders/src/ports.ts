import type { Clock } from "@digistore/core";
import type { Database, Dialect } from "@digistore/db";
import type { FileStorage } from "@digistore/domain-catalog";
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
 * Modules above orders (support) react to an order's change inside the same transaction,
 * without orders knowing them: the app wires these in.
 */
export interface OrderChangeHook {
  (db: Kysely<Database>, change: { before: Order; after: Order }): Promise<void>;
}

export interface OrdersDeps {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly clock: Clock;
  readonly provider: PaymentProvider;
  readonly emails: OrderEmailQueue;
  readonly storage: FileStorage;
  /** Origin for return URLs, e.g. https://shop.example.com */
  readonly publicUrl: string;
  /** HMAC key for download links; the same in every process. */
  readonly downloadSecret: string;
  readonly onOrderChange?: readonly OrderChangeHook[];
}

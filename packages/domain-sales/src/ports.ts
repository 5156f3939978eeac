import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";

/** The seller's "you made a sale" email; the mail package renders it (same shape as its message). */
export interface SaleNotice {
  readonly kind: "sale_notice";
  readonly to: string;
  readonly displayName: string;
  readonly orderId: string;
  readonly productTitle: string;
  readonly amount: number;
  readonly currency: string;
  readonly buyerName: string;
}

/** A seller's daily digest: yesterday's sales and net revenue per currency. */
export interface SaleDigest {
  readonly kind: "sale_digest";
  readonly to: string;
  readonly displayName: string;
  /** The seller's local day the digest covers. */
  readonly day: string;
  readonly sales: number;
  readonly lines: readonly { currency: string; products: number; support: number }[];
}

/** Outbox port: writes with the executor it is given, so the email follows the sale's transaction. */
export interface SaleNoticeQueue {
  queue(db: Kysely<Database>, email: SaleNotice | SaleDigest): Promise<unknown>;
}

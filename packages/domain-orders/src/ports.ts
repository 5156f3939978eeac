import type { Money } from "@digistore/core";
import type { Database, Dialect, VerbContext } from "@digistore/db";
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

/** A discount code as it applies to one buyer and one product, before the order exists. */
export interface AppliedDiscount {
  readonly discountId: string;
  /** As the seller wrote it (the buyer may have typed it in any case). */
  readonly code: string;
  /** "20% off", "$5.00 off": for the checkout page. */
  readonly label: string;
  /** The price after the code; for pay what you want, the minimum after the code. */
  readonly price: Money;
  /** Pay what you want: the suggestion after the code. */
  readonly suggestedPrice: Money | null;
}

/**
 * The discounts module, as checkout sees it (the app wires it in; orders never read a code
 * itself). `apply` judges a code for a buyer and a product and throws a ValidationError that
 * says why not; `hold` runs in the transaction that stores the order and throws a
 * ConflictError when concurrent checkouts used the code up in between.
 */
export interface CheckoutDiscounts {
  apply(
    db: Kysely<Database>,
    request: { code: string; buyerId: string; product: DiscountableProduct },
  ): Promise<AppliedDiscount>;
  hold(
    db: Kysely<Database>,
    dialect: Dialect,
    use: {
      discountId: string;
      orderId: string;
      buyerId: string;
      productId: string;
      listAmount: number;
    },
  ): Promise<void>;
}

export interface DiscountableProduct {
  readonly id: string;
  readonly sellerId: string;
  readonly price: Money;
  readonly payWhatYouWant: boolean;
  readonly suggestedPrice: Money | null;
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
  /** Discount codes at checkout; without it a code is refused as unknown. */
  readonly discounts?: CheckoutDiscounts;
  /** The library reads how long the "Updated" badge shows. */
  readonly catalogLimits: Pick<CatalogLimits, "updatedBadgeMs">;
}

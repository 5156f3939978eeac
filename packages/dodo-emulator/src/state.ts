import { toTimestamp, type Clock } from "@digistore/core";
import type {
  BillingAddress,
  CustomerLimitedDetails,
  Discount,
  GetDispute,
  Metadata,
  Payment,
  Product,
  Refund,
} from "./dodo-types";
import type { WebhookDispatcher } from "./webhooks/dispatcher";

/** One cart line as priced when the session was created (later price changes do not apply). */
export interface CartLine {
  readonly product_id: string;
  readonly name: string;
  readonly quantity: number;
  /** Per unit, in minor units, after the product's discount. */
  readonly unit_amount: number;
  /** `false` only when the product's price says `tax_inclusive: false`: tax comes on top. */
  readonly tax_inclusive: boolean;
}

/** Dodo's `CheckoutSessionFlags` the hosted page honours; Dodo defaults both to true. */
interface SessionFeatureFlags {
  /** The buyer may pay in another currency (adaptive pricing). */
  readonly allow_currency_selection: boolean;
  /** The page has a discount-code field. */
  readonly allow_discount_code: boolean;
}

export interface CheckoutSession {
  readonly id: string;
  readonly created_at: string;
  readonly checkout_url: string;
  readonly lines: readonly CartLine[];
  readonly currency: string;
  readonly total_amount: number;
  readonly customer: CustomerLimitedDetails;
  readonly billing: BillingAddress;
  readonly return_url: string | null;
  readonly cancel_url: string | null;
  readonly metadata: Metadata;
  readonly feature_flags: SessionFeatureFlags;
  /** Every payment attempt made on this session, oldest first. */
  readonly payment_ids: string[];
}

/** Dodo's dispute object: like Dodo's, it carries no metadata. */
export type DisputeRecord = GetDispute;

/** Everything the emulator remembers; in memory, gone when the process ends. */
export interface EmulatorState {
  readonly products: Map<string, Product>;
  readonly customers: Map<string, CustomerLimitedDetails>;
  readonly sessions: Map<string, CheckoutSession>;
  /** Stored with empty `refunds`/`disputes`; `renderPayment` fills them in. */
  readonly payments: Map<string, Payment>;
  readonly refunds: Map<string, Refund>;
  readonly disputes: Map<string, DisputeRecord>;
  readonly discounts: Map<string, Discount>;
}

export function createState(): EmulatorState {
  return {
    products: new Map(),
    customers: new Map(),
    sessions: new Map(),
    payments: new Map(),
    refunds: new Map(),
    disputes: new Map(),
    discounts: new Map(),
  };
}

/** What every operation needs: the state, time, the business identity and the webhook sender. */
export interface EmulatorContext {
  readonly state: EmulatorState;
  readonly clock: Clock;
  readonly businessId: string;
  readonly webhooks: WebhookDispatcher;
}

export function nowTimestamp(ctx: Pick<EmulatorContext, "clock">): string {
  return toTimestamp(ctx.clock.now());
}

import { PAYMENT_COUNTRIES, PAYMENT_PRODUCT_NAME_MAX, ZCurrency } from "@digistore/core";
import { z } from "zod";

// Request bodies as the dodopayments SDK sends them. Unknown fields are accepted and ignored,
// like the real API does for optional features the emulator does not model.

/** Minor units: any safe integer (IDR prices pass 2,000,000,000). */
const ZMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ZNullableText = z.string().nullish();

const ZMetadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** Dodo's `CountryCode`: exactly, no lower case, no historic codes. */
const ZCountryCode = z.enum(
  PAYMENT_COUNTRIES,
  "Use a country code Dodo supports (ISO 3166-1 alpha-2, such as US)",
);

/** Dodo's product names have a length limit (an assumption: see ADR 0005). */
const ZProductName = z.string().min(1).max(PAYMENT_PRODUCT_NAME_MAX);

const ZTaxCategory = z.enum(["digital_products", "saas", "e_book", "edtech", "live_tutoring"]);

const ZTimeInterval = z.enum(["Day", "Week", "Month", "Year"]);

const ZOneTimePrice = z.object({
  type: z.literal("one_time_price"),
  price: ZMinor,
  currency: ZCurrency,
  discount: z.number().min(0).max(100).optional(),
  discount_bps: z.number().int().min(0).max(10_000).nullish(),
  pay_what_you_want: z.boolean().optional(),
  purchasing_power_parity: z.boolean().optional(),
  suggested_price: ZMinor.nullish(),
  tax_inclusive: z.boolean().nullish(),
});

const ZRecurringPrice = z.looseObject({
  type: z.literal("recurring_price"),
  price: ZMinor,
  currency: ZCurrency,
  payment_frequency_count: z.number().int().min(1),
  payment_frequency_interval: ZTimeInterval,
  subscription_period_count: z.number().int().min(1),
  subscription_period_interval: ZTimeInterval,
});

const ZUsageBasedPrice = z.looseObject({
  type: z.literal("usage_based_price"),
  fixed_price: ZMinor,
  currency: ZCurrency,
  payment_frequency_count: z.number().int().min(1),
  payment_frequency_interval: ZTimeInterval,
  subscription_period_count: z.number().int().min(1),
  subscription_period_interval: ZTimeInterval,
});

const ZPrice = z.discriminatedUnion("type", [ZOneTimePrice, ZRecurringPrice, ZUsageBasedPrice]);

const ZDigitalProductDelivery = z.object({
  external_url: ZNullableText,
  instructions: ZNullableText,
});

export const ZProductCreate = z.object({
  name: ZProductName,
  price: ZPrice,
  tax_category: ZTaxCategory,
  description: ZNullableText,
  brand_id: ZNullableText,
  addons: z.array(z.string()).nullish(),
  digital_product_delivery: ZDigitalProductDelivery.nullish(),
  license_key_enabled: z.boolean().nullish(),
  license_key_activation_message: ZNullableText,
  license_key_activations_limit: z.number().int().min(0).nullish(),
  metadata: ZMetadata.optional(),
});
export type TProductCreate = z.output<typeof ZProductCreate>;

export const ZProductUpdate = z.object({
  name: ZProductName.nullish(),
  price: ZPrice.nullish(),
  tax_category: ZTaxCategory.nullish(),
  description: ZNullableText,
  brand_id: ZNullableText,
  addons: z.array(z.string()).nullish(),
  digital_product_delivery: ZDigitalProductDelivery.nullish(),
  license_key_enabled: z.boolean().nullish(),
  license_key_activation_message: ZNullableText,
  license_key_activations_limit: z.number().int().min(0).nullish(),
  metadata: ZMetadata.nullish(),
});
export type TProductUpdate = z.output<typeof ZProductUpdate>;

const ZCartItem = z.object({
  product_id: z.string().min(1),
  quantity: z.number().int().min(1, "quantity must be at least 1").max(1000),
  amount: ZMinor.nullish(),
});

const ZHttpUrl = z.url({ protocol: /^https?$/ });

export const ZCheckoutCreate = z.object({
  product_cart: z.array(ZCartItem).min(1, "product_cart needs at least one product").max(20),
  customer: z
    .union([
      z.object({ customer_id: z.string().min(1) }),
      z.object({
        email: z.email(),
        name: ZNullableText,
        phone_number: ZNullableText,
      }),
    ])
    .nullish(),
  billing_address: z
    .object({
      country: ZCountryCode,
      city: ZNullableText,
      state: ZNullableText,
      street: ZNullableText,
      zipcode: ZNullableText,
    })
    .nullish(),
  return_url: ZHttpUrl.nullish(),
  cancel_url: ZHttpUrl.nullish(),
  /** Dodo's `CheckoutSessionFlags`; both default to true, as on Dodo. */
  feature_flags: z
    .object({
      allow_currency_selection: z.boolean().optional(),
      allow_discount_code: z.boolean().optional(),
    })
    .optional(),
  metadata: ZMetadata.nullish(),
});
export type TCheckoutCreate = z.output<typeof ZCheckoutCreate>;

export const ZRefundCreate = z.object({
  payment_id: z.string().min(1),
  items: z
    .array(
      z.object({
        item_id: z.string().min(1),
        amount: z.number().int().min(1).nullish(),
        tax_inclusive: z.boolean().optional(),
      }),
    )
    .nullish(),
  reason: z.string().max(3000).nullish(),
  metadata: ZMetadata.optional(),
});
export type TRefundCreate = z.output<typeof ZRefundCreate>;

export const ZDiscountCreate = z.object({
  /** Basis points for a percentage discount (540 = 5.4 %). */
  amount: z.number().int().min(1, "amount must be at least 1"),
  type: z.enum(["percentage", "flat"]),
  /** Upper-cased, as Dodo does; a random one when omitted. */
  code: z.string().min(3, "code must be at least 3 characters").max(100).nullish(),
  name: ZNullableText,
  expires_at: z.iso.datetime({ offset: true }).nullish(),
  usage_limit: z.number().int().min(1).nullish(),
  restricted_to: z.array(z.string().min(1)).nullish(),
  metadata: ZMetadata.optional(),
});
export type TDiscountCreate = z.output<typeof ZDiscountCreate>;

export const ZPageQuery = z.object({
  page_size: z.coerce.number().int().min(1).max(100).default(10),
  page_number: z.coerce.number().int().min(0).default(0),
});

// Control API bodies (the emulator's own, not Dodo's).

export const REFUND_OUTCOMES = ["succeeded", "failed"] as const;
export const ZControlRefund = z.object({
  amount: z.number().int().min(1).optional(),
  /** `failed` records a refund the bank refused and sends `refund.failed`. */
  status: z.enum(REFUND_OUTCOMES).default("succeeded"),
});

/** What the buyer chose on the hosted page: another currency, a discount code. */
export const ZPaymentChoice = z.object({
  currency: ZCurrency.optional(),
  discount_code: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((code) => (code ? code : undefined)),
});
export type TPaymentChoice = z.input<typeof ZPaymentChoice>;

/** How a `processing` payment ends: `payment.succeeded`, `payment.failed` or `payment.cancelled`. */
const SETTLE_OUTCOMES = ["succeeded", "failed", "cancelled"] as const;
export const ZControlSettle = z.object({ status: z.enum(SETTLE_OUTCOMES) });

export const DISPUTE_OUTCOMES = [
  "opened",
  "challenged",
  "won",
  "lost",
  "accepted",
  "cancelled",
  "expired",
] as const;
export const ZControlDispute = z.object({ status: z.enum(DISPUTE_OUTCOMES) });

export const ZControlDuplicate = z.object({ times: z.number().int().min(1).max(100).default(1) });

export const ZControlSend = z.object({ type: z.string().min(1), data: z.unknown() });

export const ZControlWebhookUrl = z.object({ url: ZHttpUrl.nullable() });

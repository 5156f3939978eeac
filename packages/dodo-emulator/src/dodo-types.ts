/**
 * The Dodo object shapes, straight from the official SDK's type definitions (type-only: no
 * runtime dependency). Building responses against these types keeps every field name exact.
 */
export type {
  CheckoutSessionResponse,
  CheckoutSessionStatus,
} from "dodopayments/resources/checkout-sessions";
export type { Dispute, DisputeListResponse, GetDispute } from "dodopayments/resources/disputes";
export type { Currency, Metadata } from "dodopayments/resources/misc";
export type {
  BillingAddress,
  CustomerLimitedDetails,
  IntentStatus,
  Payment,
  PaymentListResponse,
  RefundListItem,
} from "dodopayments/resources/payments";
export type { Price, Product, ProductListResponse } from "dodopayments/resources/products/products";
export type { Refund } from "dodopayments/resources/refunds";
export type { Discount, DiscountDetail } from "dodopayments/resources/discounts";
export type { BrandListResponse } from "dodopayments/resources/brands";

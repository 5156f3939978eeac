export type { Order, OrderKind, OrderStatus } from "./order";
export type {
  PaymentProvider,
  CheckoutRequest,
  BillingAddress,
  PaymentEvent,
  PaymentFact,
} from "./provider";
export {
  ZPaymentEvent,
  ZBillingAddress,
  WebhookVerificationError,
  PaymentRefusedError,
} from "./provider";
export type {
  OrdersContext,
  OrderEmail,
  OrderEmailQueue,
  OrderChangeHook,
  OrderHookResult,
  CheckoutDiscounts,
  AppliedDiscount,
  DiscountableProduct,
} from "./ports";
export { PAID_ORDER_STATUSES } from "./order";
export { paysForOrder } from "./derive-order-state";
export type { DerivedOrderState, RecordedFact } from "./derive-order-state";
export {
  ZCheckoutPreviewInput,
  ZStartCheckoutInput,
  ZOrderRef,
  ZCountry,
  ZDiscountCodeInput,
} from "./checkout.schemas";
export type { TCheckoutPreviewInput, TStartCheckoutInput, TOrderRef } from "./checkout.schemas";
export {
  ZLibraryProductRef,
  ZDownloadRequest,
  ZListPaymentEventsInput,
  ZPaymentEventRef,
  ZRefundInput,
} from "./orders.schemas";
export type {
  TLibraryProductRef,
  TDownloadRequest,
  TListOrdersInput,
  TOpenDownloadInput,
  TListPaymentEventsInput,
  TPaymentEventRef,
  TProviderEventRef,
  TRefundInput,
  TExpirePendingOrdersInput,
  TReconcilePendingOrdersInput,
} from "./orders.schemas";
export { startCheckout } from "./start-checkout";
export { previewCheckout } from "./preview-checkout";
export type { CheckoutPreview } from "./preview-checkout";
export { placeOrder } from "./place-order";
export type { PlacedOrder } from "./place-order";
export { ingestPaymentEvent } from "./ingest-payment-event";
export type { IngestContext, IngestOutcome, IngestResult } from "./ingest-payment-event";
export { createPaymentEventIngester } from "./payment-event-ingester";
export type { PaymentEventIngester, PaymentEventIngesterOptions } from "./payment-event-ingester";
export type { ApplyContext } from "./apply-order-events";
export { getAccess } from "./access";
export type { ProductAccess } from "./access";
export { listLibrary } from "./list-library";
export type { LibraryItem } from "./list-library";
export { listOrders } from "./list-orders";
export type { OrderSummary } from "./list-orders";
export { getOrderForBuyer } from "./get-order-for-buyer";
export { listOwnedVersions } from "./list-owned-versions";
export { authorizeDownload } from "./authorize-download";
export type { DownloadLink } from "./authorize-download";
export { openDownload } from "./open-download";
export type { DownloadResult } from "./open-download";
export { DOWNLOAD_TOKEN_TTL_MS, mintDownloadToken } from "./download-token";
export { listPaymentEvents } from "./list-payment-events";
export type { PaymentEventView } from "./list-payment-events";
export { reprocessPaymentEvent } from "./reprocess-payment-event";
export { findStoredEventId } from "./find-stored-event-id";
export { requestRefund } from "./request-refund";
export { expirePendingOrders } from "./expire-pending-orders";
export { reconcilePendingOrders } from "./reconcile-pending-orders";
export type { ReconcileReport } from "./reconcile-pending-orders";
export { listSellerOrders, exportSellerOrders, recentSellerOrders } from "./seller-orders";
export type { SellerOrderLine } from "./seller-orders";
export { getSellerOrder } from "./get-seller-order";
export type { SellerOrderDetail } from "./get-seller-order";
export {
  ZListSellerOrdersInput,
  ZSellerOrderRef,
  ZSellerRefundInput,
} from "./seller-orders.schemas";
export type {
  TListSellerOrdersInput,
  TSellerOrderFilter,
  TSellerRefundInput,
} from "./seller-orders.schemas";
export { listSellerCustomers, getSellerCustomer, exportSellerCustomers } from "./seller-customers";
export type { SellerCustomer } from "./seller-customers";
export { ZListSellerCustomersInput, ZSellerCustomerRef } from "./seller-orders.schemas";
export type { TListSellerCustomersInput } from "./seller-orders.schemas";

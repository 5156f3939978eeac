export type { Order, OrderKind, OrderStatus } from "./order";
export { PAID_STATUSES, PENDING_ORDER_TTL_MS, wasPaid } from "./order";
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
export type { OrdersDeps, OrderEmail, OrderEmailQueue, OrderChangeHook } from "./ports";
export { deriveOrderState, paysForOrder } from "./derive-order-state";
export type { DerivedOrderState, AccessState, RecordedFact } from "./derive-order-state";
export { ZStartCheckoutInput, ZCountry } from "./checkout.schemas";
export type { TStartCheckoutInput } from "./checkout.schemas";
export { startCheckout, checkoutRefusal } from "./start-checkout";
export { placeOrder } from "./place-order";
export type { PlacedOrder } from "./place-order";
export { ingestPaymentEvent, processStoredEvent } from "./ingest-payment-event";
export type { IngestOutcome, IngestResult } from "./ingest-payment-event";
export { createPaymentEventIngester } from "./payment-event-ingester";
export type { PaymentEventIngester, PaymentEventIngesterOptions } from "./payment-event-ingester";
export { applyOrderEvents } from "./apply-order-events";
export { getAccess, canAccess } from "./access";
export type { AccessStatus } from "./access";
export { listLibrary, listOrders, getOrderForBuyer } from "./library";
export type { LibraryItem, OrderSummary } from "./library";
export { authorizeDownload, openDownload } from "./downloads";
export type { DownloadLink, DownloadResult } from "./downloads";
export { DOWNLOAD_TOKEN_TTL_MS, mintDownloadToken, checkDownloadToken } from "./download-token";
export {
  listPaymentEvents,
  reprocessPaymentEvent,
  findStoredEventId,
  requestRefund,
} from "./staff-orders";
export type { PaymentEventView } from "./staff-orders";
export { expirePendingOrders, reconcilePendingOrders } from "./order-maintenance";
export type { ReconcileReport } from "./order-maintenance";
export { listOwnedVersions } from "./owned-versions";

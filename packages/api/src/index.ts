export { appRouter, createCaller } from "./root";
export type { AppRouter } from "./root";
export { createContext } from "./context";
export type { AppServices, Context, RequestInfo, SessionCookie } from "./context";
export type { ErrorData } from "./errors";
export { retryAfterOf, httpStatusOf } from "./errors";
export { uploadProductVersion, uploadProductCover, readProductCover } from "./uploads";
export { receivePaymentWebhook, serveDownload } from "./payments-http";
export { followShortLink } from "./short-links-http";
export { answerLicenseApi, LICENSE_API_OPERATIONS } from "./licenses-http";
export type { LicenseApiAnswer, LicenseApiOperation } from "./licenses-http";
export { licenseApiDocument } from "./license-api-document";
export type { ShortLinkAnswer } from "./short-links-http";
export { linkAnalyticsCsvFor, linkQrCodeFor } from "./link-files/link-files";
export { sellerOrdersCsvFor } from "./files/seller-orders-csv";
export { sellerCustomersCsvFor } from "./files/seller-customers-csv";
export type { StoreFile } from "./files/store-file";
export { ATTRIBUTION_COOKIE } from "@digistore/domain-shorturl";
export type { WebhookAnswer } from "./payments-http";
export { createAppServices } from "./app/create-app-services";
export type { AppRuntime, CreateAppServicesOptions } from "./app/create-app-services";
export type { AppLogger } from "./app/logger";
export { reconcilePayments, replayPaymentEvent } from "./app/payment-operations";
export {
  BYPASS_COOKIE_NAME,
  BYPASS_COOKIE_TTL_MS,
  decidePageAccess,
  redeemBypassKey,
} from "./maintenance";
export type { MaintenanceState, PageGateAnswer } from "./maintenance";
export { checkHealth } from "./app/health";
export { listDevMail, readDevMail } from "./app/dev-mail";

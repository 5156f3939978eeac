export { appRouter, createCaller } from "./root";
export type { AppRouter } from "./root";
export { createContext } from "./context";
export type { AppServices, Context, Actor, RequestInfo, SessionCookie } from "./context";
export type { ErrorData } from "./errors";
export { retryAfterOf, httpStatusOf } from "./errors";
export { uploadProductVersion, uploadProductCover, readProductCover } from "./uploads";
export { receivePaymentWebhook, serveDownload } from "./payments-http";
export type { WebhookAnswer } from "./payments-http";

export type {
  SupportRequest,
  SupportStatus,
  SupportRole,
  SupportEvent,
  SupportActions,
} from "./support-request";
export type { SupportMessage } from "./support-message";
export type { SupportRequestSummary } from "./support-summary";
export type { SupportContext, SupportHookDeps, SupportEmail, SupportEmailQueue } from "./ports";
export {
  ZOpenSupportRequestInput,
  ZReplyInput,
  ZSupportRequestRef,
  ZSupportProductRef,
  ZSellerInboxFilter,
} from "./support.schemas";
export type {
  TOpenSupportRequestInput,
  TReplyInput,
  TSupportRequestRef,
  TSupportProductRef,
  TSellerInboxFilter,
  TListMySupportRequestsInput,
  TCloseStaleResolvedRequestsInput,
} from "./support.schemas";
export { checkSupportEligibility } from "./check-support-eligibility";
export type { SupportOffer } from "./check-support-eligibility";
export type { SupportEligibility, SupportRefusal } from "./support-eligibility";
export { openSupportRequest } from "./open-support-request";
export type { OpenedSupportRequest } from "./open-support-request";
export { replyToSupportRequest } from "./reply-to-support-request";
export { resolveSupportRequest } from "./resolve-support-request";
export { closeSupportRequest } from "./close-support-request";
export { closeStaleResolvedRequests } from "./close-stale-resolved-requests";
export { getSupportThread } from "./get-support-thread";
export type { SupportThread } from "./get-support-thread";
export { listMySupportRequests } from "./list-my-support-requests";
export { listSellerInbox } from "./list-seller-inbox";
export { createSupportOrderHook } from "./support-order-hook";

export type {
  SupportRequest,
  SupportStatus,
  SupportRole,
  SupportEvent,
  SupportActions,
} from "./support-request";
export {
  toSupportRequest,
  ACTIVE_STATUSES,
  AUTO_CLOSE_AFTER_MS,
  isActive,
  canTransition,
  nextStatus,
  eventForOrderStatus,
  roleOf,
  availableActions,
  isUnreadFor,
  supportThreadPath,
} from "./support-request";
export type { SupportMessage } from "./support-message";
export type { SupportRequestSummary } from "./support-summary";
export type { SupportContext, SupportHookDeps, SupportEmail, SupportEmailQueue } from "./ports";
export {
  MAX_SUBJECT_LENGTH,
  MAX_MESSAGE_LENGTH,
  ZSupportSubject,
  ZSupportMessageBody,
  ZOpenSupportRequestInput,
  ZReplyInput,
  ZSupportRequestRef,
  ZSupportProductRef,
  ZSellerInboxFilter,
  ZListMySupportRequestsInput,
  ZCloseStaleResolvedRequestsInput,
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
export { getSupportEligibility } from "./support-eligibility";
export { checkSupportEligibility } from "./check-support-eligibility";
export type { SupportOffer } from "./check-support-eligibility";
export type { SupportEligibility, SupportRefusal } from "./support-eligibility";
export { hasActiveSupportRequest } from "./has-active-support-request";
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

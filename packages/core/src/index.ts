export {
  DomainError,
  NotFoundError,
  ForbiddenError,
  UnauthorizedError,
  ConflictError,
  PreconditionFailedError,
  ValidationError,
  RateLimitedError,
  ServiceUnavailableError,
  isDomainError,
} from "./errors";
export type { DomainErrorCode, FieldErrors } from "./errors";
export {
  ANONYMOUS,
  SYSTEM,
  userActor,
  requireUser,
  requireStaff,
  requireSeller,
  requireStaffOrSystem,
  isStaff,
} from "./actor";
export type { Actor, ActorRoles, UserActor } from "./actor";
export { parseInput, validationErrorFromZod, ZId } from "./validation";
export { newId, isId } from "./ids";
export {
  systemClock,
  ManualClock,
  toTimestamp,
  fromTimestamp,
  SECOND,
  MINUTE,
  HOUR,
  DAY,
} from "./clock";
export type { Clock } from "./clock";
export {
  ZCurrency,
  ZAmount,
  ZMoney,
  MAX_AMOUNT,
  isCurrency,
  minorUnitDigits,
  formatMoney,
  parseMajorAmount,
  addMoney,
} from "./money";
export type { Money } from "./money";
export { PAYMENT_COUNTRIES, ZPaymentCountry, isPaymentCountry } from "./payment-countries";
export type { PaymentCountry } from "./payment-countries";
export { PAYMENT_CURRENCIES } from "./payment-currencies";
export {
  PAYMENT_PRODUCT_NAME_MAX,
  PRODUCT_TITLE_MAX,
  paymentProductName,
} from "./payment-product-name";
export type { PaymentCurrency } from "./payment-currencies";
export { ZPageInput, encodeCursor, decodeCursor, toPage } from "./pagination";
export type { Page, TPageInput } from "./pagination";
export { formatBytes } from "./format";
export { canonicalPath, safeLocalPath } from "./local-path";
export { escapeHtml } from "./html";
export { seededRandom } from "./seeded-random";

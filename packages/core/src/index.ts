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
export { parseInput, ZId } from "./validation";
export { newId } from "./ids";
export { systemClock, ManualClock, toTimestamp, SECOND, MINUTE, HOUR, DAY } from "./clock";
export type { Clock } from "./clock";
export {
  ZCurrency,
  ZAmount,
  isCurrency,
  minorUnitDigits,
  formatMoney,
  majorAmount,
  parseMajorAmount,
} from "./money";
export type { Money } from "./money";
export { PAYMENT_COUNTRIES, ZPaymentCountry } from "./payment-countries";
export type { PaymentCountry } from "./payment-countries";
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
export { addDays, eachDate, forEachLocalDay, localDate, localDays } from "./calendar-days";
export type { LocalDays } from "./calendar-days";
export { ZDayRangeFields, ZTimeZone, refineDayRange, resolveDayRange } from "./day-range";
export type { DayRange } from "./day-range";

export {
  recordRateLimitHit,
  assertNotRateLimited,
  consumeRateLimit,
  clearRateLimit,
  rateLimitKey,
} from "./rate-limiter";
export type { RateLimitRule, RateLimitState } from "./rate-limiter";

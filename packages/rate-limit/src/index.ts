export {
  peekRateLimit,
  recordRateLimitHit,
  assertNotRateLimited,
  consumeRateLimit,
  clearRateLimit,
  pruneRateLimits,
  rateLimitedError,
  rateLimitKey,
} from "./rate-limiter";
export type { RateLimitRule, RateLimitState } from "./rate-limiter";

export {
  peekRateLimit,
  recordRateLimitHit,
  assertNotRateLimited,
  consumeRateLimit,
  clearRateLimit,
  pruneRateLimits,
  rateLimitedError,
} from "./rate-limiter";
export type { RateLimitRule, RateLimitState } from "./rate-limiter";

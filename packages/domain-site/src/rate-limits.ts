import { MINUTE } from "@digistore/core";
import type { RateLimitRule } from "@digistore/rate-limit";

/** Wrong bypass keys per IP: stops guessing the key. Once used up, even the right key waits. */
export const bypassKeyFailuresPerIp: RateLimitRule = {
  name: "bypass-fail:ip",
  limit: 10,
  windowMs: 15 * MINUTE,
  message: "Too many wrong bypass keys from your network.",
};

import { HOUR, MINUTE } from "@digistore/core";
import type { RateLimitRule } from "@digistore/rate-limit";

/** Failed logins per email: stops guessing one account's password. */
export const loginFailuresPerEmail: RateLimitRule = {
  name: "login-fail:email",
  limit: 10,
  windowMs: 15 * MINUTE,
  message: "Too many failed login attempts for this account.",
};

/** Failed logins per IP: stops one client spraying many accounts. */
export const loginFailuresPerIp: RateLimitRule = {
  name: "login-fail:ip",
  limit: 50,
  windowMs: 15 * MINUTE,
  message: "Too many failed login attempts from your network.",
};

export const passwordResetPerEmail: RateLimitRule = {
  name: "reset:email",
  limit: 3,
  windowMs: HOUR,
  message: "Too many password reset requests for this address.",
};

export const passwordResetPerIp: RateLimitRule = {
  name: "reset:ip",
  limit: 20,
  windowMs: HOUR,
  message: "Too many password reset requests from your network.",
};

export const verificationResendPerUser: RateLimitRule = {
  name: "verify-resend:user",
  limit: 3,
  windowMs: HOUR,
  message: "Too many verification emails requested.",
};

export const registrationsPerIp: RateLimitRule = {
  name: "register:ip",
  limit: 20,
  windowMs: HOUR,
  message: "Too many sign-ups from your network.",
};

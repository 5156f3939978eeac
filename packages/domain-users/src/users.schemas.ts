import { ZId } from "@digistore/core";
import { z } from "zod";
import { normalizeEmail } from "./user";

const ZEmail = z
  .string()
  .trim()
  .max(254, "Email address is too long")
  .pipe(z.email("Enter a valid email address"))
  .transform(normalizeEmail);

const ZPassword = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(256, "Password must be at most 256 characters");

const ZDisplayName = z
  .string()
  .trim()
  .min(1, "Enter your name")
  .max(80, "Name must be at most 80 characters");

/** Emailed tokens: base32, bounded so junk never reaches a query. */
const ZEmailToken = z
  .string()
  .trim()
  .regex(/^[a-z2-7]{20,64}$/, "This link is invalid. Ask for a new one.");

export const ZRegisterInput = z.object({
  email: ZEmail,
  password: ZPassword,
  displayName: ZDisplayName,
});
export type TRegisterInput = z.input<typeof ZRegisterInput>;

export const ZLogInInput = z.object({
  email: ZEmail,
  // Not the full password rules: a wrong-length password is just a wrong password.
  password: z
    .string()
    .min(1, "Enter your password")
    .max(256, "Password must be at most 256 characters"),
});
export type TLogInInput = z.input<typeof ZLogInInput>;

export const ZRequestPasswordResetInput = z.object({ email: ZEmail });
export const ZResetPasswordInput = z.object({ token: ZEmailToken, password: ZPassword });
export const ZVerifyEmailInput = z.object({ token: ZEmailToken });
export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(256),
  newPassword: ZPassword,
});
export const ZUpdateProfileInput = z.object({ displayName: ZDisplayName });
export const ZBecomeSellerInput = z.object({
  acceptTerms: z.literal(true, { message: "You must accept the seller terms to start selling" }),
});
export const ZCreateUserInput = z.object({
  email: ZEmail,
  password: ZPassword,
  displayName: ZDisplayName,
  staff: z.boolean().default(false),
  seller: z.boolean().default(false),
  verified: z.boolean().default(true),
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;
export const ZSetPasswordInput = z.object({ email: ZEmail, password: ZPassword });
export const ZSetUserDisabledInput = z.object({ userId: ZId, disabled: z.boolean() });
export const ZSetSellerRoleInput = z.object({ userId: ZId, seller: z.boolean() });
/** Staff search by email or name; an empty query lists the newest accounts. */
export const ZSearchUsersInput = z.object({
  query: z.string().max(100, "Search for at most 100 characters").trim().default(""),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TSearchUsersInput = z.input<typeof ZSearchUsersInput>;

/** A person as anonymous-callable procedures answer (the User shape, nothing more). */
export const ZUserOutput = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  emailVerified: z.boolean(),
  roles: z.object({ customer: z.boolean(), seller: z.boolean(), staff: z.boolean() }),
  disabled: z.boolean(),
  createdAt: z.string(),
});
/** "We emailed this address" answers (sign-up, reset), which reveal nothing else. */
export const ZEmailSentOutput = z.object({ email: z.string() });

export type { User, UserRoles } from "./user";
export type { UsersContext, EmailQueue, UserEmail, ClientInfo } from "./ports";
export {
  ZRegisterInput,
  ZLogInInput,
  ZRequestPasswordResetInput,
  ZResetPasswordInput,
  ZVerifyEmailInput,
  ZChangePasswordInput,
  ZUpdateProfileInput,
  ZBecomeSellerInput,
  ZSetUserDisabledInput,
  ZSetSellerRoleInput,
  ZSearchUsersInput,
  ZUserOutput,
  ZEmailSentOutput,
} from "./users.schemas";
export type {
  TRegisterInput,
  TLogInInput,
  TCreateUserInput,
  TSearchUsersInput,
} from "./users.schemas";
export { createSession, validateSessionToken } from "./session";
export type { Session, IssuedSession, ValidatedSession } from "./session";
export { registerUser } from "./register-user";
export type { RegisterResult } from "./register-user";
export { logIn } from "./log-in";
export type { LogInResult } from "./log-in";
export { logOut } from "./log-out";
export { logOutEverywhere } from "./log-out-everywhere";
export { verifyEmail } from "./verify-email";
export type { VerifyEmailResult } from "./verify-email";
export { resendVerification } from "./resend-verification";
export { requestPasswordReset } from "./request-password-reset";
export { resetPassword } from "./reset-password";
export { changePassword } from "./change-password";
export { updateProfile } from "./update-profile";
export { becomeSeller } from "./become-seller";
export { createUser } from "./create-user";
export { setPassword } from "./set-password";
export { setUserDisabled } from "./set-user-disabled";
export { setSellerRole } from "./set-seller-role";
export { listSessions } from "./list-sessions";
export type { SessionSummary } from "./list-sessions";
export { getUserById, findUserByEmail } from "./get-user";
export { searchUsers } from "./search-users";
export { hashPassword } from "./password";
export { loginFailuresPerIp } from "./rate-limits";

import {
  DAY,
  ForbiddenError,
  HOUR,
  ManualClock,
  MINUTE,
  PreconditionFailedError,
  RateLimitedError,
  SYSTEM,
  UnauthorizedError,
  ValidationError,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { hash } from "@node-rs/argon2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { becomeSeller } from "./become-seller";
import { changePassword } from "./change-password";
import { createUser } from "./create-user";
import { getUserById } from "./get-user";
import { listSessions } from "./list-sessions";
import { logIn } from "./log-in";
import { logOut } from "./log-out";
import { logOutEverywhere } from "./log-out-everywhere";
import type { UsersContext } from "./ports";
import { registerUser } from "./register-user";
import { requestPasswordReset } from "./request-password-reset";
import { resendVerification } from "./resend-verification";
import { resetPassword } from "./reset-password";
import { searchUsers } from "./search-users";
import { validateSessionToken } from "./session";
import { setPassword } from "./set-password";
import { setSellerRole } from "./set-seller-role";
import { setUserDisabled } from "./set-user-disabled";
import { updateProfile } from "./update-profile";
import { verifyEmail } from "./verify-email";
import {
  RecordingEmailQueue,
  countSessionReads,
  createSignedInUser,
  createTestUser,
  ctxFor,
  usersTestContext,
} from "./testing";

describe.each(testDialects())("accounts on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let emails: RecordingEmailQueue;
  let ctx: UsersContext;
  /** The same context, calling from `ip`. */
  const fromIp = (ip: string, userAgent?: string): UsersContext => ({
    ...ctx,
    client: { ip, userAgent },
  });

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-11-21T10:00:00.000Z");
    emails = new RecordingEmailQueue(t.db);
    ctx = usersTestContext(t.db, dialect, { clock, emails });
  });
  afterEach(() => t.close());

  const countUsers = async () =>
    (
      await t.db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  describe("registration", () => {
    it("creates an unverified customer and emails a verification link", async () => {
      const result = await registerUser(ctx, {
        email: " Ada@Example.COM ",
        password: "long enough pw",
        displayName: "Ada",
      });
      expect(result).toEqual({ email: "ada@example.com" });
      const row = await t.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        email: "ada@example.com",
        is_customer: 1,
        is_seller: 0,
        is_staff: 0,
        email_verified_at: null,
      });
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await emails.last("verify_email")).toMatchObject({
        to: "ada@example.com",
        displayName: "Ada",
      });
    });

    it("answers a taken email the same way, emails its owner instead, and adds no account", async () => {
      const input = { email: "ada@example.com", password: "long enough pw", displayName: "Ada" };
      const first = await registerUser(ctx, input);
      const second = await registerUser(ctx, {
        ...input,
        email: "ADA@example.com",
        displayName: "Mallory",
      });
      expect(second).toEqual(first);
      expect(await countUsers()).toBe(1);
      expect(await emails.last("account_exists")).toMatchObject({
        to: "ada@example.com",
        displayName: "Ada",
      });
    });

    it("refuses bad input with field messages and changes nothing", async () => {
      const error = await registerUser(ctx, {
        email: "nope",
        password: "short",
        displayName: " ",
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
        "displayName",
        "email",
        "password",
      ]);
      await expect(
        registerUser(ctx, { email: "a@b.co", password: "x".repeat(257), displayName: "A" }),
      ).rejects.toThrow(/at most 256/);
      expect(await countUsers()).toBe(0);
      expect(await emails.sent()).toEqual([]);
    });
  });

  describe("email verification", () => {
    it("verifies once, signs the person in, and refuses the link a second time", async () => {
      await registerUser(ctx, {
        email: "ada@example.com",
        password: "long enough pw",
        displayName: "Ada",
      });
      const token = await emails.tokenOf("verify_email");
      const result = await verifyEmail(ctx, { token });
      expect(result.user.emailVerified).toBe(true);
      expect((await validateSessionToken(ctx, result.token))?.user.email).toBe("ada@example.com");
      await expect(verifyEmail(ctx, { token })).rejects.toThrow(/already been used/);
    });

    it("refuses an expired, unknown or malformed link", async () => {
      await registerUser(ctx, {
        email: "ada@example.com",
        password: "long enough pw",
        displayName: "Ada",
      });
      const token = await emails.tokenOf("verify_email");
      clock.advance(24 * HOUR + 1);
      await expect(verifyEmail(ctx, { token })).rejects.toThrow(/expired/);
      await expect(verifyEmail(ctx, { token: "a".repeat(32) })).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
      await expect(verifyEmail(ctx, { token: "../../x" })).rejects.toBeInstanceOf(ValidationError);
    });

    it("resends a new link that replaces the old one, with a limit", async () => {
      await registerUser(ctx, {
        email: "ada@example.com",
        password: "long enough pw",
        displayName: "Ada",
      });
      const old = await emails.tokenOf("verify_email");
      const row = await t.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
      const asAda = ctxFor(ctx, await getUserById(ctx, row.id));
      await resendVerification(asAda);
      const fresh = await emails.tokenOf("verify_email");
      expect(fresh).not.toBe(old);
      await expect(verifyEmail(ctx, { token: old })).rejects.toThrow(/invalid/);
      await resendVerification(asAda);
      await resendVerification(asAda);
      await expect(resendVerification(asAda)).rejects.toBeInstanceOf(RateLimitedError);
      await verifyEmail(ctx, { token: await emails.tokenOf("verify_email") });
      clock.advance(2 * HOUR);
      await expect(resendVerification(asAda)).rejects.toThrow(/already verified/);
    });
  });

  describe("login and sessions", () => {
    it("logs in with a new session each time and resolves the token to the user", async () => {
      const { user, password } = await createTestUser(t.db, { clock });
      const a = await logIn(fromIp("10.0.0.1", "UA"), {
        email: user.email.toUpperCase(),
        password,
      });
      const b = await logIn(ctx, { email: user.email, password });
      expect(a.session.id).not.toBe(b.session.id);
      const validated = await validateSessionToken(ctx, a.token);
      expect(validated?.user.id).toBe(user.id);
      const stored = await t.db.selectFrom("sessions").select("id").execute();
      expect(stored.map((s) => s.id)).not.toContain(a.token);
    });

    it("gives the same answer, in similar time, for an unknown email and a wrong password", async () => {
      const { user } = await createTestUser(t.db, { clock });
      const time = async (email: string) => {
        const started = performance.now();
        const error = await logIn(ctx, { email, password: "wrong password" }).catch(
          (e: unknown) => e,
        );
        return { error: error as Error, ms: performance.now() - started };
      };
      await time("warm@example.com");
      const wrong = [];
      const unknown = [];
      for (let i = 0; i < 5; i++) {
        wrong.push(await time(user.email));
        unknown.push(await time("nobody@example.com"));
      }
      for (const r of [...wrong, ...unknown]) {
        expect(r.error).toBeInstanceOf(UnauthorizedError);
        expect(r.error.message).toBe("Email or password is incorrect.");
      }
      // The fastest run of each is the least disturbed by other work on the machine. Without
      // the dummy hash an unknown email answers ~100x faster, far outside these bounds.
      const fastest = (rs: { ms: number }[]) => Math.min(...rs.map((r) => r.ms));
      const ratio = fastest(unknown) / fastest(wrong);
      expect(ratio).toBeGreaterThan(0.3);
      expect(ratio).toBeLessThan(3);
    });

    it("locks an account after 10 failures, even for the right password, and recovers", async () => {
      const { user, password } = await createTestUser(t.db, { clock });
      for (let i = 0; i < 10; i++) {
        await expect(
          logIn(ctx, { email: user.email, password: "nope nope" }),
        ).rejects.toBeInstanceOf(UnauthorizedError);
      }
      const blocked = await logIn(ctx, { email: user.email, password }).catch((e: unknown) => e);
      expect(blocked).toBeInstanceOf(RateLimitedError);
      expect((blocked as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
      clock.advance(15 * MINUTE + 1000);
      await expect(logIn(ctx, { email: user.email, password })).resolves.toMatchObject({
        user: { id: user.id },
      });
    });

    it("limits failures per IP across accounts", async () => {
      for (let i = 0; i < 50; i++) {
        await logIn(fromIp("203.0.113.9"), {
          email: `spray${i}@example.com`,
          password: "guess",
        }).catch(() => undefined);
      }
      const { user, password } = await createTestUser(t.db, { clock });
      await expect(
        logIn(fromIp("203.0.113.9"), { email: user.email, password }),
      ).rejects.toBeInstanceOf(RateLimitedError);
      await expect(
        logIn(fromIp("198.51.100.1"), { email: user.email, password }),
      ).resolves.toBeTruthy();
    });

    it("expires sessions after 30 days and slides them when used after half that", async () => {
      const { token } = await createSignedInUser(t.db, { clock });
      clock.advance(10 * DAY);
      expect((await validateSessionToken(ctx, token))?.refreshed).toBe(false);
      clock.advance(6 * DAY);
      const slid = await validateSessionToken(ctx, token);
      expect(slid?.refreshed).toBe(true);
      expect(slid?.session.expiresAt).toBe(
        new Date(clock.now().getTime() + 30 * DAY).toISOString(),
      );
      clock.advance(29 * DAY);
      expect(await validateSessionToken(ctx, token)).not.toBeNull();
      clock.advance(30 * DAY + 1);
      expect(await validateSessionToken(ctx, token)).toBeNull();
      expect(await t.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
    });

    it("logs out this device or every device", async () => {
      const { user, password } = await createTestUser(t.db, { clock });
      const a = await logIn(ctx, { email: user.email, password });
      const b = await logIn(ctx, { email: user.email, password });
      const c = await logIn(ctx, { email: user.email, password });
      await logOut(ctxFor(ctx, user, a.session.id));
      expect(await validateSessionToken(ctx, a.token)).toBeNull();
      expect(await validateSessionToken(ctx, b.token)).not.toBeNull();
      expect(await logOutEverywhere(ctxFor(ctx, user))).toBe(2);
      expect(await validateSessionToken(ctx, c.token)).toBeNull();
    });

    it("refuses malformed tokens without a query", async () => {
      const sessions = countSessionReads(t.db);
      const counted = { ...ctx, db: sessions.watched };
      const { token } = await createSignedInUser(t.db, { clock });
      expect(await validateSessionToken(counted, token)).not.toBeNull();
      expect(sessions.reads).toBe(1);
      sessions.reads = 0;
      expect(await validateSessionToken(counted, "")).toBeNull();
      expect(await validateSessionToken(counted, "' or 1=1 --")).toBeNull();
      expect(await validateSessionToken(counted, `${token.slice(0, 31)}1`)).toBeNull();
      expect(sessions.reads).toBe(0);
    });

    it("rehashes a password made with older parameters at login", async () => {
      const { user, password } = await createTestUser(t.db, { clock });
      const weak = await hash(password, {
        algorithm: 2,
        memoryCost: 8192,
        timeCost: 1,
        parallelism: 1,
      });
      await t.db
        .updateTable("users")
        .set({ password_hash: weak })
        .where("id", "=", user.id)
        .execute();
      await logIn(ctx, { email: user.email, password });
      const row = await t.db.selectFrom("users").select("password_hash").executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/m=19456,t=2,p=1/);
    });
  });

  describe("disabled accounts", () => {
    it("end their sessions at once and cannot log in", async () => {
      const staff = await createTestUser(t.db, { staff: true, clock });
      const { user, password, token } = await createSignedInUser(t.db, { clock });
      const asStaff = ctxFor(ctx, staff.user);
      await setUserDisabled(asStaff, { userId: user.id, disabled: true });
      expect(await validateSessionToken(ctx, token)).toBeNull();
      await expect(logIn(ctx, { email: user.email, password })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await setUserDisabled(asStaff, { userId: user.id, disabled: false });
      await expect(logIn(ctx, { email: user.email, password })).resolves.toBeTruthy();
    });

    it("a staff member cannot disable themselves", async () => {
      const staff = await createTestUser(t.db, { staff: true, clock });
      await expect(
        setUserDisabled(ctxFor(ctx, staff.user), { userId: staff.user.id, disabled: true }),
      ).rejects.toBeInstanceOf(PreconditionFailedError);
    });
  });

  describe("password reset", () => {
    it("answers the same for unknown addresses and emails only real ones", async () => {
      const { user } = await createTestUser(t.db, { clock });
      expect(await requestPasswordReset(ctx, { email: "nobody@example.com" })).toEqual({
        email: "nobody@example.com",
      });
      expect(await emails.sent()).toEqual([]);
      expect(await requestPasswordReset(ctx, { email: user.email })).toEqual({
        email: user.email,
      });
      expect((await emails.last("reset_password"))?.to).toBe(user.email);
    });

    it("sets the new password, ends every session, does not sign in, and works once", async () => {
      const { user, password, token: sessionToken } = await createSignedInUser(t.db, { clock });
      await requestPasswordReset(ctx, { email: user.email });
      const token = await emails.tokenOf("reset_password");
      const result = await resetPassword(ctx, { token, password: "brand new secret" });
      expect(result).toEqual({ email: user.email });
      expect(await validateSessionToken(ctx, sessionToken)).toBeNull();
      expect(await t.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
      await expect(logIn(ctx, { email: user.email, password })).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      await expect(
        logIn(ctx, { email: user.email, password: "brand new secret" }),
      ).resolves.toBeTruthy();
      await expect(resetPassword(ctx, { token, password: "another secret" })).rejects.toThrow(
        /already been used/,
      );
      expect((await emails.last("password_changed"))?.to).toBe(user.email);
    });

    it("expires links after an hour and limits requests", async () => {
      const { user } = await createTestUser(t.db, { clock });
      await requestPasswordReset(ctx, { email: user.email });
      const token = await emails.tokenOf("reset_password");
      clock.advance(HOUR + 1);
      await expect(resetPassword(ctx, { token, password: "brand new secret" })).rejects.toThrow(
        /expired/,
      );
      for (let i = 0; i < 3; i++) await requestPasswordReset(ctx, { email: user.email });
      await expect(requestPasswordReset(ctx, { email: user.email })).rejects.toBeInstanceOf(
        RateLimitedError,
      );
      // Unknown addresses are limited the same way, so the limit reveals nothing either.
      for (let i = 0; i < 3; i++) await requestPasswordReset(ctx, { email: "ghost@example.com" });
      await expect(
        requestPasswordReset(ctx, { email: "ghost@example.com" }),
      ).rejects.toBeInstanceOf(RateLimitedError);
    });
  });

  describe("password change", () => {
    it("needs the current password and signs out every other device", async () => {
      const { user, password } = await createTestUser(t.db, { clock });
      const here = await logIn(ctx, { email: user.email, password });
      const there = await logIn(ctx, { email: user.email, password });
      const actor = ctxFor(ctx, user, here.session.id);
      await expect(
        changePassword(actor, {
          currentPassword: "wrong one",
          newPassword: "new password 1",
        }),
      ).rejects.toThrow(/current password is not correct/);
      expect(
        await changePassword(actor, {
          currentPassword: password,
          newPassword: "new password 1",
        }),
      ).toEqual({
        otherSessionsEnded: 1,
      });
      expect(await validateSessionToken(ctx, here.token)).not.toBeNull();
      expect(await validateSessionToken(ctx, there.token)).toBeNull();
    });
  });

  describe("seller role by staff", () => {
    it("grants and revokes the seller role, never to staff", async () => {
      const { user } = await createTestUser(t.db, { clock });
      const staff = await createTestUser(t.db, { staff: true, clock });
      const asStaff = ctxFor(ctx, staff.user);
      expect((await setSellerRole(asStaff, { userId: user.id, seller: true })).roles.seller).toBe(
        true,
      );
      expect((await setSellerRole(asStaff, { userId: user.id, seller: false })).roles.seller).toBe(
        false,
      );
      await expect(
        setSellerRole(asStaff, { userId: staff.user.id, seller: true }),
      ).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(setSellerRole(asStaff, { userId: "nobody", seller: true })).rejects.toThrow(
        /not found/,
      );
    });
  });

  describe("becoming a seller", () => {
    it("needs a verified email and accepted terms", async () => {
      const unverified = await createTestUser(t.db, { verified: false, clock });
      await expect(
        becomeSeller(ctxFor(ctx, unverified.user), { acceptTerms: true }),
      ).rejects.toThrow(/Verify your email/);
      const verified = await createTestUser(t.db, { clock });
      await expect(
        becomeSeller(ctxFor(ctx, verified.user), { acceptTerms: false }),
      ).rejects.toBeInstanceOf(ValidationError);
      const seller = await becomeSeller(ctxFor(ctx, verified.user), { acceptTerms: true });
      expect(seller.roles).toEqual({ customer: true, seller: true, staff: false });
    });

    it("is refused to staff, and the database refuses a staff customer", async () => {
      const staff = await createTestUser(t.db, { staff: true, clock });
      expect(staff.user.roles).toEqual({ customer: false, seller: false, staff: true });
      await expect(becomeSeller(ctxFor(ctx, staff.user), { acceptTerms: true })).rejects.toThrow(
        /Staff accounts cannot sell/,
      );
      await expect(
        t.db.updateTable("users").set({ is_customer: 1 }).where("id", "=", staff.user.id).execute(),
      ).rejects.toThrow();
    });
  });

  describe("who may call", () => {
    it("staff verbs refuse customers (FORBIDDEN) and anonymous callers (UNAUTHORIZED), changing nothing", async () => {
      const { user } = await createTestUser(t.db, { clock });
      const other = await createTestUser(t.db, { clock });
      const asCustomer = ctxFor(ctx, user);
      const calls = [
        (c: UsersContext) => setUserDisabled(c, { userId: other.user.id, disabled: true }),
        (c: UsersContext) => setSellerRole(c, { userId: other.user.id, seller: true }),
        (c: UsersContext) => searchUsers(c, { query: "" }),
      ];
      for (const call of calls) {
        await expect(call(asCustomer)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(call(ctx)).rejects.toBeInstanceOf(UnauthorizedError);
        await expect(call({ ...ctx, actor: SYSTEM })).rejects.toBeInstanceOf(UnauthorizedError);
      }
      expect(await getUserById(ctx, other.user.id)).toEqual(other.user);
    });

    it("operator verbs (CLI) take staff or the store itself, never a customer or nobody", async () => {
      const { user } = await createTestUser(t.db, { clock });
      const staff = await createTestUser(t.db, { staff: true, clock });
      const input = { email: "new@example.com", password: "long enough pw", displayName: "New" };
      await expect(createUser(ctxFor(ctx, user), input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createUser(ctx, input)).rejects.toBeInstanceOf(UnauthorizedError);
      const reset = { email: user.email, password: "another long pw" };
      await expect(setPassword(ctxFor(ctx, user), reset)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setPassword(ctx, reset)).rejects.toBeInstanceOf(UnauthorizedError);
      expect(await countUsers()).toBe(2);

      const made = await createUser({ ...ctx, actor: SYSTEM }, input);
      expect(made.roles).toEqual({ customer: true, seller: false, staff: false });
      await createUser(ctxFor(ctx, staff.user), { ...input, email: "second@example.com" });
      await setPassword({ ...ctx, actor: SYSTEM }, { email: made.email, password: "changed pw 1" });
      await expect(
        logIn(ctx, { email: made.email, password: "changed pw 1" }),
      ).resolves.toBeTruthy();
    });

    it("account verbs need a signed-in person", async () => {
      const anonymous = [
        () => updateProfile(ctx, { displayName: "Nobody" }),
        () => changePassword(ctx, { currentPassword: "x", newPassword: "new password 1" }),
        () => becomeSeller(ctx, { acceptTerms: true }),
        () => resendVerification(ctx),
        () => listSessions(ctx),
        () => logOut(ctx),
        () => logOutEverywhere(ctx),
      ];
      for (const call of anonymous) await expect(call()).rejects.toBeInstanceOf(UnauthorizedError);
    });

    it("lists the person's own sessions and marks the current one", async () => {
      const { user, password } = await createTestUser(t.db, { clock });
      const here = await logIn(fromIp("10.0.0.1", "UA"), { email: user.email, password });
      await logIn(ctx, { email: user.email, password });
      const sessions = await listSessions(ctxFor(ctx, user, here.session.id));
      expect(sessions).toHaveLength(2);
      expect(sessions.filter((s) => s.current)).toEqual([
        expect.objectContaining({ ip: "10.0.0.1", userAgent: "UA" }),
      ]);
    });

    it("logging in again ends the session the caller came with", async () => {
      const { user, password } = await createTestUser(t.db, { clock });
      const first = await logIn(ctx, { email: user.email, password });
      const second = await logIn(ctxFor(ctx, user, first.session.id), {
        email: user.email,
        password,
      });
      expect(await validateSessionToken(ctx, first.token)).toBeNull();
      expect(await validateSessionToken(ctx, second.token)).not.toBeNull();
    });
  });

  describe("staff search", () => {
    it("finds by email or name, trims the query and defaults to the newest 50", async () => {
      const staff = await createTestUser(t.db, { staff: true, clock });
      const ada = await createTestUser(t.db, { displayName: "Ada Lovelace", clock });
      const asStaff = ctxFor(ctx, staff.user);
      expect((await searchUsers(asStaff, { query: "  lovelace " })).map((u) => u.id)).toEqual([
        ada.user.id,
      ]);
      expect(await searchUsers(asStaff, {})).toHaveLength(2);
      expect(await searchUsers(asStaff, { query: "", limit: 1 })).toHaveLength(1);
    });

    it("refuses an over-long query or an out-of-range limit with a readable message", async () => {
      const staff = await createTestUser(t.db, { staff: true, clock });
      const asStaff = ctxFor(ctx, staff.user);
      const long = await searchUsers(asStaff, { query: "x".repeat(101) }).catch((e: unknown) => e);
      expect(long).toBeInstanceOf(ValidationError);
      expect((long as ValidationError).message).toBe("Search for at most 100 characters");
      for (const limit of [0, 101, 1.5]) {
        const error = await searchUsers(asStaff, { limit }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["limit"]);
      }
    });

    it("refuses a missing or over-long user id before touching the account", async () => {
      const staff = await createTestUser(t.db, { staff: true, clock });
      const asStaff = ctxFor(ctx, staff.user);
      await expect(setUserDisabled(asStaff, { userId: " ", disabled: true })).rejects.toThrow(
        "An id is required.",
      );
      await expect(
        setSellerRole(asStaff, { userId: "x".repeat(65), seller: true }),
      ).rejects.toThrow("That id is too long.");
    });
  });
});

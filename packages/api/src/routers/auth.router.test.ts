import { createSignedInUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialects } from "@digistore/db/testing";
import { DAY } from "@digistore/core";
import { createTestApi, RecordingSessionCookie, type TestApi } from "../testing";

describe.each(testDialects())("auth and account procedures on %s", (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi(dialect);
  });
  afterEach(() => api.close());

  const signIn = (options: Parameters<typeof createSignedInUser>[1] = {}) =>
    createSignedInUser(api.testDb.db, { clock: api.clock, ...options });

  it("guards every account and staff procedure by role", async () => {
    const customer = await signIn();
    const unverified = await signIn({ verified: false });
    const seller = await signIn({ seller: true });
    const staff = await signIn({ staff: true });
    const callers = {
      anonymous: api.caller(),
      unverified: api.caller(unverified.token),
      customer: api.caller(customer.token),
      seller: api.caller(seller.token),
      staff: api.caller(staff.token),
    };
    type Who = keyof typeof callers;
    const cases: {
      name: string;
      run: (c: (typeof callers)[Who]) => Promise<unknown>;
      expect: Record<Who, string>;
    }[] = [
      {
        name: "account.profile",
        run: (c) => c.account.profile(),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "ok",
          customer: "ok",
          seller: "ok",
          staff: "ok",
        },
      },
      {
        name: "account.sessions",
        run: (c) => c.account.sessions(),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "ok",
          customer: "ok",
          seller: "ok",
          staff: "ok",
        },
      },
      {
        name: "account.updateProfile",
        run: (c) => c.account.updateProfile({ displayName: "Renamed" }),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "ok",
          customer: "ok",
          seller: "ok",
          staff: "ok",
        },
      },
      {
        name: "account.becomeSeller",
        run: (c) => c.account.becomeSeller({ acceptTerms: true }),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "PRECONDITION_FAILED",
          customer: "ok",
          seller: "ok",
          staff: "PRECONDITION_FAILED",
        },
      },
      {
        name: "auth.resendVerification",
        run: (c) => c.auth.resendVerification(),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "ok",
          customer: "PRECONDITION_FAILED",
          seller: "PRECONDITION_FAILED",
          staff: "PRECONDITION_FAILED",
        },
      },
      {
        name: "staff.users.search",
        run: (c) => c.staff.users.search({ query: "" }),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "FORBIDDEN",
          customer: "FORBIDDEN",
          seller: "FORBIDDEN",
          staff: "ok",
        },
      },
      {
        name: "staff.users.setDisabled",
        run: (c) => c.staff.users.setDisabled({ userId: customer.user.id, disabled: false }),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "FORBIDDEN",
          customer: "FORBIDDEN",
          seller: "FORBIDDEN",
          staff: "ok",
        },
      },
      {
        name: "auth.logoutEverywhere",
        run: (c) => c.auth.logoutEverywhere(),
        expect: {
          anonymous: "UNAUTHORIZED",
          unverified: "ok",
          customer: "ok",
          seller: "ok",
          staff: "ok",
        },
      },
    ];
    for (const testCase of cases) {
      for (const who of Object.keys(callers) as Who[]) {
        const outcome = await testCase.run(callers[who]).then(
          () => "ok",
          (error: { code?: string }) => error.code ?? "?",
        );
        expect(`${testCase.name} as ${who}: ${outcome}`).toBe(
          `${testCase.name} as ${who}: ${testCase.expect[who]}`,
        );
      }
    }
  });

  it("sets the cookie on login and verification, clears it on logout", async () => {
    await api
      .caller()
      .auth.register({ email: "ada@example.com", password: "long enough pw", displayName: "Ada" });
    const verifyCookie = new RecordingSessionCookie();
    const user = await api
      .caller(undefined, verifyCookie)
      .auth.verifyEmail({ token: await api.emails.tokenOf("verify_email") });
    expect(user.emailVerified).toBe(true);
    expect(verifyCookie.token).toMatch(/^[a-z2-7]{32}$/);

    const loginCookie = new RecordingSessionCookie();
    await api
      .caller(undefined, loginCookie)
      .auth.login({ email: "ada@example.com", password: "long enough pw" });
    const token = loginCookie.token!;
    expect(await api.caller(token).auth.me()).toMatchObject({ email: "ada@example.com" });

    const logoutCookie = new RecordingSessionCookie();
    await api.caller(token, logoutCookie).auth.logout();
    expect(logoutCookie.token).toBeNull();
    expect(await api.caller(token).auth.me()).toBeNull();
  });

  it("clears a dead cookie and re-sends a sliding one", async () => {
    const { token } = await signIn();
    api.clock.advance(20 * DAY);
    const slid = new RecordingSessionCookie();
    await api.caller(token, slid).auth.me();
    expect(slid.token).toBe(token);
    expect(slid.expiresAt).toBe(new Date(api.clock.now().getTime() + 30 * DAY).toISOString());

    const dead = new RecordingSessionCookie();
    expect(await api.caller("a".repeat(32), dead).auth.me()).toBeNull();
    expect(dead.token).toBeNull();
  });

  it("answers wrong credentials and rate limits with their codes", async () => {
    const { user } = await signIn();
    const anonymous = api.caller();
    await expect(
      anonymous.auth.login({ email: user.email, password: "wrong" }),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Email or password is incorrect.",
    });
    for (let i = 0; i < 9; i++)
      await anonymous.auth.login({ email: user.email, password: "wrong" }).catch(() => undefined);
    await expect(
      anonymous.auth.login({ email: user.email, password: "wrong" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });

  it("refuses invalid input with BAD_REQUEST and changes nothing", async () => {
    await expect(
      api.caller().auth.register({ email: "x", password: "1", displayName: "" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { token } = await signIn();
    await expect(
      api.caller(token).account.updateProfile({ displayName: "x".repeat(81) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const rows = await api.testDb.db.selectFrom("users").select("display_name").execute();
    expect(rows.every((r) => r.display_name.length <= 80)).toBe(true);
  });

  it("answers only the User shape, and a new login ends the session the browser held", async () => {
    const { user, password, token } = await signIn();
    const me = await api.caller(token).auth.me();
    expect(Object.keys(me ?? {}).sort()).toEqual([
      "createdAt",
      "disabled",
      "displayName",
      "email",
      "emailVerified",
      "id",
      "roles",
    ]);
    const cookie = new RecordingSessionCookie();
    expect(await api.caller(token, cookie).auth.login({ email: user.email, password })).toEqual(me);
    expect(await api.caller(token).auth.me()).toBeNull();
    expect(await api.caller(cookie.token!).auth.me()).toEqual(me);
  });

  it("staff search takes its bounds from the schema", async () => {
    const staff = api.caller((await signIn({ staff: true })).token);
    expect(await staff.staff.users.search({})).toHaveLength(1);
    await expect(staff.staff.users.search({ query: "x".repeat(101) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(staff.staff.users.search({ limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

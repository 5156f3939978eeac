import { SYSTEM, userActor, type Actor } from "@digistore/core";
import { testDialects } from "@digistore/db/testing";
import { checkBypassKey, rotateBypassKey, setMaintenance } from "@digistore/domain-site";
import { createSignedInUser, createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "./testing";

describe.each(testDialects())("maintenance mode in the API on %s", (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi(dialect);
  });
  afterEach(() => api.close());

  const siteCtx = (actor: Actor = SYSTEM) => ({
    db: api.testDb.db,
    clock: api.clock,
    site: api.services.site,
    actor,
    client: { ip: "127.0.0.1" },
  });
  const code = (promise: Promise<unknown>) =>
    promise.then(
      () => "ok",
      (error: { code?: string }) => error.code ?? "?",
    );

  it("blocks every procedure but the exempt ones for customers and visitors, with the message", async () => {
    const customer = await createSignedInUser(api.testDb.db, { clock: api.clock });
    expect(await code(api.caller().catalog.list({}))).toBe("ok");
    await setMaintenance(siteCtx(), { enabled: true, message: "Back after the upgrade." });

    for (const caller of [api.caller(), api.caller(customer.token)]) {
      await expect(caller.catalog.list({})).rejects.toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        message: "Back after the upgrade.",
      });
      expect(await code(caller.account.profile())).not.toBe("ok");
      expect(await code(caller.health.ping())).toBe("ok");
      expect(await code(caller.auth.me())).toBe("ok");
    }
    // Login stays open so staff can sign in; a customer's login works but everything else is closed.
    expect(
      await code(
        api.caller().auth.login({ email: customer.user.email, password: customer.password }),
      ),
    ).toBe("ok");
  });

  it("lets staff and valid bypass holders through, but not forged or rotated cookies", async () => {
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    const asStaff = siteCtx(userActor(staff.user));
    const { key } = await rotateBypassKey(asStaff);
    const granted = await checkBypassKey(siteCtx(), { key });
    await setMaintenance(asStaff, { enabled: true });

    expect(await code(api.caller(staff.token).catalog.list({}))).toBe("ok");
    expect(await code(api.caller(staff.token).staff.site.status())).toBe("ok");
    expect(await code(api.caller(undefined, undefined, granted.cookieValue).catalog.list({}))).toBe(
      "ok",
    );

    const [expires, mac] = granted.cookieValue.split(".");
    expect(
      await code(
        api.caller(undefined, undefined, `${Number(expires) + 1000}.${mac}`).catalog.list({}),
      ),
    ).toBe("SERVICE_UNAVAILABLE");
    expect(await code(api.caller(undefined, undefined, "garbage").catalog.list({}))).toBe(
      "SERVICE_UNAVAILABLE",
    );

    await api.caller(staff.token).staff.site.rotateBypassKey();
    expect(await code(api.caller(undefined, undefined, granted.cookieValue).catalog.list({}))).toBe(
      "SERVICE_UNAVAILABLE",
    );
  });

  it("lets only staff switch it, and refuses bad input without changing anything", async () => {
    const customer = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    expect(
      await code(api.caller(customer.token).staff.site.setMaintenance({ enabled: true })),
    ).toBe("FORBIDDEN");
    expect(await code(api.caller().staff.site.rotateBypassKey())).toBe("UNAUTHORIZED");
    expect(
      await code(api.caller(staff.token).staff.site.setMaintenance({ enabled: true, message: "" })),
    ).toBe("BAD_REQUEST");
    expect((await api.caller(staff.token).staff.site.status()).maintenance.enabled).toBe(false);
    const on = await api
      .caller(staff.token)
      .staff.site.setMaintenance({ enabled: true, message: "Upgrading" });
    expect(on).toMatchObject({ enabled: true, message: "Upgrading", changedBy: staff.user.id });
    // The change is seen at once in the process that made it.
    expect(await code(api.caller().catalog.list({}))).toBe("SERVICE_UNAVAILABLE");
  });

  it("staff grant and revoke the seller role", async () => {
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    const { user } = await createTestUser(api.testDb.db, { clock: api.clock });
    const seller = await api
      .caller(staff.token)
      .staff.users.setSeller({ userId: user.id, seller: true });
    expect(seller.roles.seller).toBe(true);
  });
});

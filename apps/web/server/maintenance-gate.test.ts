import { SYSTEM, userActor, type Actor } from "@digistore/core";
import { createTestApi, type TestApi } from "@digistore/api/testing";
import { testDialects } from "@digistore/db/testing";
import { BYPASS_COOKIE_NAME, rotateBypassKey, setMaintenance } from "@digistore/domain-site";
import { countSessionReads, createSignedInUser } from "@digistore/domain-users/testing";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asyncHandler } from "./async-handler";
import { createHttpApp } from "./http-app";
import { contextForRequest } from "./request-context";
import { createLogger } from "./logger";
import { SESSION_COOKIE } from "./session-cookie";

describe.each(testDialects())("maintenance mode over HTTP on %s", (dialect) => {
  let api: TestApi;
  let server: Server;
  let base: string;

  let sessionLookups: ReturnType<typeof countSessionReads>;

  beforeEach(async () => {
    api = await createTestApi(dialect);
    api.clock.set(new Date());
    sessionLookups = countSessionReads(api.services.db);
    const services = { ...api.services, db: sessionLookups.watched };
    const web = { secureCookies: false };
    const app = createHttpApp({
      services,
      web,
      logger: createLogger("silent"),
      storeName: "Test Store",
      // Like Remix's load context: the page asks who the caller is.
      pages: asyncHandler(async (req, res) => {
        const ctx = await contextForRequest(services, web, req, res);
        res.status(200).type("text/plain").send(`page for ${ctx.actor.kind}`);
      }),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  const siteCtx = (actor: Actor = SYSTEM) => ({
    db: api.testDb.db,
    clock: api.clock,
    site: api.services.site,
    actor,
  });
  const get = (path: string, cookie?: string) =>
    fetch(`${base}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });

  it("answers 503 with Retry-After and the message, except on the exempt paths", async () => {
    expect((await get("/products")).status).toBe(200);
    const back = new Date(api.clock.now().getTime() + 30 * 60_000).toISOString();
    await setMaintenance(siteCtx(), {
      enabled: true,
      message: "Upgrading <the> database",
      expectedBackAt: back,
    });

    for (const path of [
      "/",
      "/products",
      "/account",
      "/loginx",
      "/webhooksx",
      "/assets",
      "/uploads/products/x/versions",
    ]) {
      const response = await get(path);
      expect(`${path} ${response.status}`).toBe(`${path} 503`);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1790);
      expect(await response.text()).toContain("Upgrading &lt;the&gt; database");
    }
    for (const path of [
      "/login",
      "/login?redirectTo=/x",
      "/healthz",
      "/favicon.ico",
      "/assets/app.css",
      "/webhooks/dodo",
    ]) {
      const response = await get(path);
      expect(`${path} ${response.status}`).not.toBe(`${path} 503`);
    }
    const trpc = await fetch(`${base}/api/trpc/catalog.list?input=%7B%7D`);
    expect(trpc.status).toBe(503);
    expect(((await trpc.json()) as { error: { message: string } }).error.message).toBe(
      "Upgrading <the> database",
    );
    expect((await fetch(`${base}/api/trpc/health.ping`)).status).toBe(200);
  });

  it("lets signed-in staff use every page, but not customers", async () => {
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    const customer = await createSignedInUser(api.testDb.db, { clock: api.clock });
    await setMaintenance(siteCtx(userActor(staff.user)), { enabled: true });
    expect((await get("/products", `${SESSION_COOKIE}=${staff.token}`)).status).toBe(200);
    expect((await get("/products", `${SESSION_COOKIE}=${customer.token}`)).status).toBe(503);
    expect(
      (
        await fetch(`${base}/api/trpc/catalog.list?input=%7B%7D`, {
          headers: { cookie: `${SESSION_COOKIE}=${staff.token}` },
        })
      ).status,
    ).toBe(200);
  });

  it("looks the session up once per page request, for the gate and the page together", async () => {
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    await setMaintenance(siteCtx(userActor(staff.user)), { enabled: true });
    sessionLookups.reads = 0;
    const response = await get("/products", `${SESSION_COOKIE}=${staff.token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("page for user");
    expect(sessionLookups.reads).toBe(1);
  });

  it("trades a bypass key for a cookie, refuses wrong, forged and rotated ones", async () => {
    const { key } = await rotateBypassKey(siteCtx());
    await setMaintenance(siteCtx(), { enabled: true });

    const wrong = await get("/products?bypass=not-the-key");
    expect(wrong.status).toBe(403);

    const granted = await get(`/products?page=2&bypass=${encodeURIComponent(key)}`);
    expect(granted.status).toBe(302);
    expect(granted.headers.get("location")).toBe("/products?page=2");
    const setCookie = granted.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${BYPASS_COOKIE_NAME}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Max-Age=86400/);
    const cookie = setCookie.split(";")[0]!;
    expect((await get("/products", cookie)).status).toBe(200);
    expect(
      (await fetch(`${base}/api/trpc/catalog.list?input=%7B%7D`, { headers: { cookie } })).status,
    ).toBe(200);

    const [name, value] = cookie.split("=");
    expect((await get("/products", `${name}=${value}x`)).status).toBe(503);
    expect((await get("/products", `${name}=9999999999999.${value!.split(".")[1]}`)).status).toBe(
      503,
    );

    await rotateBypassKey(siteCtx());
    expect((await get("/products", cookie)).status).toBe(503);
    expect((await get(`/products?bypass=${encodeURIComponent(key)}`)).status).toBe(403);
  });

  it("rate-limits wrong bypass keys", async () => {
    await rotateBypassKey(siteCtx());
    for (let i = 0; i < 10; i++) expect((await get(`/?bypass=guess${i}`)).status).toBe(403);
    expect((await get("/?bypass=guess-again")).status).toBe(429);
  });
});

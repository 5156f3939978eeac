import { createTestApi, type TestApi } from "@digistore/api/testing";
import { testDialects, type TestDb } from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp } from "./http-app";
import { createLogger } from "./logger";

describe.each(testDialects())("HTTP server on %s", (dialect) => {
  let api: TestApi;
  let testDb: TestDb;
  let dbDestroyed = false;
  let server: Server;
  let base: string;

  async function start() {
    api = await createTestApi(dialect, { maxUploadBytes: 64 * 1024 });
    api.clock.set("2026-11-21T12:00:00Z");
    testDb = api.testDb;
    dbDestroyed = false;
    const app = createHttpApp({
      services: api.services,
      web: { secureCookies: false },
      logger: createLogger("silent"),
      pages: (_req, res) => {
        res.status(200).type("text/plain").send("remix");
      },
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    if (!dbDestroyed) await api.close();
  });

  it("answers /healthz with the database status", async () => {
    await start();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", db: { ok: true, dialect } });
  });

  it("answers /healthz with 503 when the database is gone", async () => {
    await start();
    await testDb.db.destroy();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "degraded", db: { ok: false } });
    dbDestroyed = true;
  });

  it("serves tRPC procedures under /api/trpc with the injected clock", async () => {
    await start();
    const response = await fetch(`${base}/api/trpc/health.ping`);
    expect(await response.json()).toEqual({
      result: { data: { status: "ok", time: "2026-11-21T12:00:00.000Z" } },
    });
    const missing = await fetch(`${base}/api/trpc/health.nothing`);
    expect(missing.status).toBe(404);
  });

  it("echoes a sane request id and replaces a hostile one", async () => {
    await start();
    const kept = await fetch(`${base}/api/trpc/health.ping`, {
      headers: { "x-request-id": "proxy-abc-12345" },
    });
    expect(kept.headers.get("x-request-id")).toBe("proxy-abc-12345");
    const replaced = await fetch(`${base}/healthz`, {
      headers: { "x-request-id": "<script>alert(1)</script>" },
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  async function login(email: string, password: string, headers: Record<string, string> = {}) {
    return fetch(`${base}/api/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, ...headers },
      body: JSON.stringify({ email, password }),
    });
  }

  it("sets an HttpOnly, SameSite=Lax session cookie on login and resolves it on later calls", async () => {
    await start();
    const { user, password } = await createTestUser(testDb.db);
    const response = await login(user.email, password);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^digistore_session=[a-z2-7]{32};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const me = await fetch(`${base}/api/trpc/auth.me`, {
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(((await me.json()) as { result: { data: { email: string } } }).result.data.email).toBe(
      user.email,
    );
  });

  it("answers 429 with Retry-After once login failures pile up", async () => {
    await start();
    const { user } = await createTestUser(testDb.db);
    for (let i = 0; i < 10; i++)
      expect((await login(user.email, "wrong password")).status).toBe(401);
    const limited = await login(user.email, "wrong password");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await limited.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(
      /Too many failed login attempts for this account\. Try again in \d+ minutes\./,
    );
  });

  it("hands every other path to the page renderer", async () => {
    await start();
    const response = await fetch(`${base}/products/anything`);
    expect(await response.text()).toBe("remix");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});

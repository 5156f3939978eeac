import { ManualClock } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp } from "./http-app";
import { createLogger } from "./logger";

describe.each(testDialects())("HTTP server on %s", (dialect) => {
  let testDb: TestDb;
  let server: Server;
  let base: string;

  async function start() {
    testDb = await createTestDb({ dialect });
    const app = createHttpApp({
      services: { db: testDb, clock: new ManualClock("2026-11-21T12:00:00Z") },
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
    await testDb.close();
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
    testDb = { ...testDb, close: () => Promise.resolve() };
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

  it("hands every other path to the page renderer", async () => {
    await start();
    const response = await fetch(`${base}/products/anything`);
    expect(await response.text()).toBe("remix");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});

import { loginFailuresPerIp } from "@digistore/domain-users";
import { rateLimitKey } from "@digistore/rate-limit";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../support/raw-http";
import { startServer, type RunningServer } from "../support/server";
import { startTestStore, type TestStore } from "../support/store";

/** Whether the login limiter has counted a failure for this client address. */
async function counted(store: TestStore, address: string): Promise<boolean> {
  const row = await store.testDb.db
    .selectFrom("rate_limits")
    .select("key")
    .where("key", "=", rateLimitKey(loginFailuresPerIp, address))
    .executeTakeFirst();
  return row !== undefined;
}

async function countedAddressRows(store: TestStore): Promise<number> {
  const rows = await store.testDb.db
    .selectFrom("rate_limits")
    .select("key")
    .where("key", "like", `${loginFailuresPerIp.name}:%`)
    .execute();
  return rows.length;
}

async function failLogin(url: string, headers: Record<string, string>) {
  return rawRequest(url, "/api/trpc/auth.login", {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, ...headers },
    body: JSON.stringify({
      email: `nobody-${Math.random()}@example.test`,
      password: "wrong password",
    }),
  });
}

const SPOOFED: Record<string, string>[] = [
  { "x-forwarded-for": "203.0.113.7" },
  { "x-forwarded-for": "203.0.113.8, 198.51.100.1" },
  { "x-forwarded-for": "not-an-ip" },
  { "x-real-ip": "203.0.113.9" },
  { forwarded: "for=203.0.113.10" },
];

describe("proxy trust and request limits", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore("sqlite");
  });
  afterAll(() => store?.stop());

  it("ignores X-Forwarded-For unless TRUST_PROXY says so: a client cannot pick its own address", async () => {
    for (const headers of SPOOFED) expect((await failLogin(store.url, headers)).status).toBe(401);
    expect(await countedAddressRows(store)).toBe(1);
    expect(await counted(store, "127.0.0.1")).toBe(true);
  });

  it("honours the forwarded address from a trusted proxy, and only the hops it trusts", async () => {
    let behindProxy: RunningServer | undefined;
    try {
      behindProxy = await startServer({
        DATABASE_URL: store.testDb.url,
        DATA_DIR: store.dataDir,
        TRUST_PROXY: "1",
      });
      await store.testDb.db.deleteFrom("rate_limits").execute();
      await failLogin(behindProxy.url, { "x-forwarded-for": "203.0.113.7" });
      // One trusted hop: the address the proxy saw, not what the client wrote before it.
      await failLogin(behindProxy.url, { "x-forwarded-for": "198.51.100.99, 203.0.113.8" });
      expect(await counted(store, "203.0.113.7")).toBe(true);
      expect(await counted(store, "203.0.113.8")).toBe(true);
      expect(await counted(store, "198.51.100.99")).toBe(false);
      expect(await countedAddressRows(store)).toBe(2);
    } finally {
      await behindProxy?.stop();
    }
  });

  it("refuses a tRPC batch larger than any page sends", async () => {
    const calls = (n: number) => Array.from({ length: n }, () => "health.ping").join(",");
    const input = (n: number) =>
      encodeURIComponent(
        JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))),
      );
    const ok = await rawRequest(store.url, `/api/trpc/${calls(16)}?batch=1&input=${input(16)}`);
    expect(ok.status).toBe(200);
    const big = await rawRequest(store.url, `/api/trpc/${calls(17)}?batch=1&input=${input(17)}`);
    expect(big.status).toBe(400);
  });

  it("drops a client that never finishes its headers within seconds", async () => {
    const { port } = new URL(store.url);
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      });
      const trickle = setInterval(() => socket.write("a"), 1000);
      socket.on("data", () => undefined);
      socket.on("close", () => {
        clearInterval(trickle);
        resolve(Date.now() - started);
      });
      socket.on("error", () => undefined);
      setTimeout(() => reject(new Error("still open after 25 s")), 25_000);
    });
    expect(closedAfter).toBeGreaterThanOrEqual(9_000);
    expect(closedAfter).toBeLessThan(15_000);
  }, 30_000);
});

describe("rate-limited forms", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore("sqlite");
  });
  afterAll(() => store?.stop());

  it("the login page's 429 tells the browser when to retry, as a document and as data", async () => {
    const attempt = (path: string) =>
      rawRequest(store.url, path, {
        method: "POST",
        headers: { origin: store.url, "content-type": "application/x-www-form-urlencoded" },
        body: "email=victim%40example.test&password=wrong-password",
      });
    for (let i = 0; i < 10; i++) expect((await attempt("/login")).status).toBe(401);
    for (const path of ["/login", "/login.data"]) {
      const limited = await attempt(path);
      expect(limited.status, path).toBe(429);
      expect(Number(limited.headers["retry-after"]), path).toBeGreaterThan(0);
    }
  });
});

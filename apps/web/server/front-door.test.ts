import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { frontDoor, type FastRoute } from "./front-door";
import { createLogger } from "./logger";

describe("the front door", () => {
  let server: Server | undefined;
  afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(null))));

  async function start(route: FastRoute) {
    const listener = frontDoor({
      routes: [route],
      fallback: (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("the full stack");
      },
      headers: { "referrer-policy": "no-referrer" },
      logger: createLogger("silent"),
    });
    server = await new Promise<Server>((resolve) => {
      const s = createServer(listener).listen(0, "127.0.0.1", () => resolve(s));
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("answers what its routes answer, and hands the rest to the full stack", async () => {
    const base = await start({
      matches: (method, path) => method === "GET" && path.startsWith("/fast/"),
      answer: (_req, path) =>
        Promise.resolve(
          path === "/fast/yes" ? { status: 302, headers: { location: "/there" } } : null,
        ),
    });
    const fast = await fetch(`${base}/fast/yes?q=1`, { redirect: "manual" });
    expect([fast.status, fast.headers.get("location")]).toEqual([302, "/there"]);
    expect(fast.headers.get("referrer-policy")).toBe("no-referrer");
    expect(fast.headers.get("content-length")).toBe("0");
    for (const [path, method] of [
      ["/fast/no", "GET"],
      ["/fast/yes", "POST"],
      ["/elsewhere", "GET"],
    ] as const) {
      const answer = await fetch(`${base}${path}`, { method, redirect: "manual" });
      expect([path, method, answer.status, await answer.text()]).toEqual([
        path,
        method,
        200,
        "the full stack",
      ]);
    }
  });

  it("answers 500 when a route fails, and keeps serving", async () => {
    let calls = 0;
    const base = await start({
      matches: () => true,
      answer: () => {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error("database gone"));
        return Promise.resolve({ status: 302, headers: { location: "/ok" } });
      },
    });
    const failed = await fetch(`${base}/x`, { redirect: "manual" });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain("Something went wrong");
    expect((await fetch(`${base}/x`, { redirect: "manual" })).status).toBe(302);
  });
});

import { SYSTEM, userActor } from "@digistore/core";
import { createTestApi, type TestApi } from "@digistore/api/testing";
import { testDialects } from "@digistore/db/testing";
import { setMaintenance } from "@digistore/domain-site";
import {
  createShortLink,
  disableShortLinkAsStaff,
  type ShortUrlContext,
} from "@digistore/domain-shorturl";
import { createTestUser } from "@digistore/domain-users/testing";
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpApp } from "./http-app";
import { createLogger } from "./logger";

const CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe.each(testDialects())("short links over HTTP on %s", (dialect) => {
  let api: TestApi;
  let server: Server;
  let base: string;
  let owner: ShortUrlContext;

  async function start(trustProxy: false | readonly string[] = false) {
    const app = createHttpApp({
      services: api.services,
      web: { secureCookies: false },
      logger: createLogger("silent"),
      storeName: "Test Store",
      trustProxy,
      pages: (_req, res) => {
        res.status(200).type("text/plain").send("a store page");
      },
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeEach(async () => {
    api = await createTestApi(dialect);
    api.clock.set(new Date());
    const person = userActor((await createTestUser(api.testDb.db)).user);
    owner = { ...api.services, actor: person };
    await start();
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  const visit = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { redirect: "manual", headers: { "user-agent": CHROME, ...headers } });
  const storedClicks = async () => {
    await api.services.clicks.flush();
    return api.testDb.db.selectFrom("link_clicks").selectAll().execute();
  };

  it("redirects with 302, uncached, and records the click off the response path", async () => {
    await createShortLink(owner, {
      slug: "launch",
      targetUrl: "https://example.com/post",
      utmSource: "x",
    });
    const response = await visit("/s/launch", { referer: "https://news.example/item?id=1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://example.com/post?utm_source=x");
    expect(response.headers.get("cache-control")).toBe("no-store");
    // Another site: no attribution cookie.
    expect(response.headers.get("set-cookie")).toBeNull();
    const clicks = await storedClicks();
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({
      referrer_host: "news.example",
      device: "desktop",
      is_bot: 0,
    });
  });

  it("sets a 30-day, HttpOnly, SameSite=Lax attribution cookie for links to the store", async () => {
    const link = await createShortLink(owner, {
      slug: "to-store",
      targetUrl: "http://store.test/products/x",
    });
    const response = await visit("/s/to-store");
    expect(response.status).toBe(302);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^ds_link=${link.id}\\.\\d+;`));
    expect(cookie).toContain("Max-Age=2592000");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("answers unknown, disabled and expired links with their own pages, and counts no click", async () => {
    const staff = userActor((await createTestUser(api.testDb.db, { staff: true })).user);
    const disabled = await createShortLink(owner, {
      slug: "gone",
      targetUrl: "https://example.com",
    });
    await disableShortLinkAsStaff(
      { ...owner, actor: staff },
      { linkId: disabled.id, reason: "Phishing report" },
    );
    await createShortLink(owner, {
      slug: "brief",
      targetUrl: "https://example.com",
      expiresAt: new Date(api.clock.now().getTime() + 1000).toISOString(),
    });
    api.clock.advance(2000);

    const unknown = await visit("/s/nothing-here");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("There is no link at this address.");
    const off = await visit("/s/gone");
    expect(off.status).toBe(404);
    const offText = await off.text();
    expect(offText).toContain("This link was disabled.");
    expect(offText).not.toContain("Phishing");
    const expired = await visit("/s/brief");
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("This link has expired.");
    for (const odd of ["/s/a.b", "/s/a%2Fb", "/s/a%20b", "/s/" + "x".repeat(80)]) {
      expect([odd, (await visit(odd)).status]).toEqual([odd, 404]);
    }
    expect(await storedClicks()).toEqual([]);
  });

  it("keeps links to other sites working during maintenance", async () => {
    await createShortLink(owner, { slug: "campaign", targetUrl: "https://example.com/sale" });
    await setMaintenance({ ...api.services, actor: SYSTEM }, { enabled: true });
    const response = await visit("/s/campaign");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://example.com/sale");
    expect((await visit("/")).status).toBe(503);
  });

  it("believes a country header only behind a trusted proxy", async () => {
    await createShortLink(owner, { slug: "geo", targetUrl: "https://example.com" });
    await visit("/s/geo", { "cf-ipcountry": "DE" });
    await new Promise((resolve) => server.close(resolve));
    await start(["loopback"]);
    await visit("/s/geo", { "cf-ipcountry": "DE" });
    const countries = (await storedClicks()).map((c) => c.country).sort();
    expect(countries).toEqual(["DE", null]);
  });

  it("answers a live link ahead of Express with its referrer policy, in each spelling", async () => {
    await createShortLink(owner, { slug: "launch", targetUrl: "https://example.com/post" });
    const response = await visit("/s/launch");
    expect(response.status).toBe(302);
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();

    const head = await fetch(`${base}/s/launch`, { method: "HEAD", redirect: "manual" });
    expect([head.status, head.headers.get("location")]).toEqual([302, "https://example.com/post"]);
    // Spellings the front door does not take are judged by the full stack, as before.
    // The path goes out exactly as written: fetch would resolve dot segments first.
    const spelled = (path: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const { hostname, port } = new URL(base);
        const options = { host: hostname, port, path, headers: { "user-agent": CHROME } };
        const req = request(options, (res) => {
          res.resume();
          res.on("end", () => resolve([path, res.statusCode, res.headers.location]));
        });
        req.on("error", reject);
        req.end();
      });
    expect(await spelled("/s/launch/")).toEqual(["/s/launch/", 302, "https://example.com/post"]);
    expect(await spelled("/s/%6Caunch")).toEqual(["/s/%6Caunch", 308, "/s/launch"]);
    expect(await spelled("/s/./launch")).toEqual(["/s/./launch", 308, "/s/launch"]);
    expect(await spelled("/s/x/../launch")).toEqual(["/s/x/../launch", 308, "/s/launch"]);
    expect(await spelled("/s/%2e/launch")).toEqual(["/s/%2e/launch", 308, "/s/launch"]);
    expect(await spelled("/s/launch?utm=1")).toEqual([
      "/s/launch?utm=1",
      302,
      "https://example.com/post",
    ]);
    // Case matters (routes are case-sensitive): `/S/…` is a store page, not this link.
    expect((await spelled("/S/launch"))[1]).toBe(200);
    for (const method of ["POST", "PUT", "DELETE"]) {
      const other = await fetch(`${base}/s/launch`, { method, redirect: "manual" });
      expect([method, other.status === 302]).toEqual([method, false]);
    }
    // The GET, the HEAD, the trailing slash and the query: four clicks, none for the rest.
    expect(await storedClicks()).toHaveLength(4);
  });

  it("takes the visitor's address from a trusted proxy only, for unique counts", async () => {
    await createShortLink(owner, { slug: "uniq", targetUrl: "https://example.com" });
    const hashes = async () =>
      new Set((await storedClicks()).map((click) => click.visitor_hash)).size;
    await visit("/s/uniq", { "x-forwarded-for": "203.0.113.1" });
    await visit("/s/uniq", { "x-forwarded-for": "203.0.113.2" });
    expect(await hashes()).toBe(1);
    await new Promise((resolve) => server.close(resolve));
    await start(["loopback"]);
    await visit("/s/uniq", { "x-forwarded-for": "203.0.113.3" });
    await visit("/s/uniq", { "x-forwarded-for": "203.0.113.4" });
    expect(await hashes()).toBe(3);
  });
});

import type { TestApi } from "@digistore/api/testing";
import { testDialects } from "@digistore/db/testing";
import { createSignedInUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./session-cookie";
import { startTestHttpApp, type TestHttpApp } from "./test-http-app";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe.each(testDialects())("link file downloads on %s", (dialect) => {
  let app: TestHttpApp;
  let api: TestApi;
  let base: string;

  beforeEach(async () => {
    app = await startTestHttpApp(dialect);
    ({ api, base } = app);
  });
  afterEach(() => app.close());

  async function ownedLink() {
    const owner = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const link = await api
      .caller(owner.token)
      .links.create({ slug: "launch", targetUrl: "https://a.example" });
    // Two people and a bot on 21 November (the test clock's day), UTC.
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.2"]) {
      api.services.clicks.record({ linkId: link.id, at: api.clock.now(), userAgent: FIREFOX, ip });
    }
    api.services.clicks.record({ linkId: link.id, at: api.clock.now(), userAgent: "curl/8" });
    await api.services.clicks.flush();
    return { link, cookie: `${SESSION_COOKIE}=${owner.token}` };
  }

  const get = (path: string, cookie?: string) =>
    fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });

  it("sends the owner the daily figures as a CSV download", async () => {
    const { link, cookie } = await ownedLink();
    const response = await get(
      `/links/${link.id}/analytics.csv?from=2026-11-20&to=2026-11-22&timezone=UTC`,
      cookie,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="link-launch-2026-11-20-to-2026-11-22.csv"',
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const rows = (await response.text())
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean)
      .map((line) => line.split(","));
    expect(rows).toEqual([
      ["date", "clicks", "unique_visitors", "bot_clicks"],
      ["2026-11-20", "0", "0", "0"],
      ["2026-11-21", "3", "2", "1"],
      ["2026-11-22", "0", "0", "0"],
    ]);
  });

  it("draws the link's QR code as SVG and PNG", async () => {
    const { link, cookie } = await ownedLink();
    const svg = await get(`/links/${link.id}/qr.svg`, cookie);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(svg.headers.get("content-disposition")).toBe(
      'attachment; filename="link-launch-qr.svg"',
    );
    expect(svg.headers.get("cache-control")).toBe("private, no-store");
    expect(await svg.text()).toContain("<svg");

    const png = await get(`/links/${link.id}/qr.png`, cookie);
    expect([png.status, png.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect(png.headers.get("content-disposition")).toBe(
      'attachment; filename="link-launch-qr.png"',
    );
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it("answers 404 to anyone but the owner and staff, 401 to nobody signed in", async () => {
    const { link } = await ownedLink();
    const other = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const staff = await createSignedInUser(api.testDb.db, { staff: true, clock: api.clock });
    const paths = ["analytics.csv", "qr.svg", "qr.png"].map((file) => `/links/${link.id}/${file}`);
    const statuses = async (cookie?: string) =>
      Promise.all(paths.map(async (path) => (await get(path, cookie)).status));
    expect(await statuses(`${SESSION_COOKIE}=${other.token}`)).toEqual([404, 404, 404]);
    expect(await statuses()).toEqual([401, 401, 401]);
    expect(await statuses(`${SESSION_COOKIE}=${staff.token}`)).toEqual([200, 200, 200]);
    const missing = await get("/links/no-such-link/qr.svg", `${SESSION_COOKIE}=${other.token}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-disposition")).toBeNull();
    expect(await missing.text()).toContain("Link not found.");
  });

  it("refuses a bad range with a readable page", async () => {
    const { link, cookie } = await ownedLink();
    const bad = await get(`/links/${link.id}/analytics.csv?from=2026-11-22&to=2026-11-01`, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("The start date must be on or before the end date.");
    const zone = await get(`/links/${link.id}/analytics.csv?timezone=Nowhere%2FElse`, cookie);
    expect(zone.status).toBe(400);
    expect(await zone.text()).toContain("Unknown time zone");
  });
});

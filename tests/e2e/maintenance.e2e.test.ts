import { SYSTEM, systemClock } from "@digistore/core";
import { testDialects } from "@digistore/db/testing";
import { createUser } from "@digistore/domain-users";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("maintenance mode (%s)", (dialect) => {
  let store: TestStore;
  let second: RunningServer;
  const TTL_MS = 1000;
  beforeAll(async () => {
    store = await startTestStore(dialect, { SITE_SETTINGS_TTL_MS: String(TTL_MS) });
    second = await startServer({
      DATABASE_URL: store.testDb.url,
      DATA_DIR: store.dataDir,
      SITE_SETTINGS_TTL_MS: String(TTL_MS),
    });
    await createUser(
      { db: store.testDb.db, clock: systemClock, actor: SYSTEM },
      { email: "ops@example.com", password: "ops password", displayName: "Ops", staff: true },
    );
  });
  afterAll(async () => {
    await second?.stop();
    await store?.stop();
  });

  it("is switched from the staff area; visitors get the 503 page, staff and bypass-link holders keep working", async () => {
    const staff = await browser.newPage();
    await staff.goto(`${store.url}/login`);
    await staff.fill("#email", "ops@example.com");
    await staff.fill("#password", "ops password");
    await staff.click("main button[type=submit]");
    await staff.waitForURL(`${store.url}/account`);
    await staff.click("header >> text=Staff");
    await staff.fill("#message", "Moving to a bigger server.");
    await staff.click("text=Turn maintenance on");
    await staff.getByText("Maintenance mode is ON.").waitFor();

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    const blocked = await visitor.goto(`${store.url}/products`);
    expect(blocked?.status()).toBe(503);
    expect(blocked?.headers()["retry-after"]).toBe("300");
    await visitor.getByText("Moving to a bigger server.").waitFor();
    expect((await visitor.goto(`${store.url}/login`))?.status()).toBe(200);

    await staff.goto(`${store.url}/products`);
    await staff.locator("h1", { hasText: "All products" }).waitFor();

    await staff.goto(`${store.url}/staff`);
    await staff.click("text=Create bypass key");
    const key = await staff.getByTestId("bypass-key").textContent();
    const tester = await visitorContext.newPage();
    const bypassed = await tester.goto(`${store.url}/products?bypass=${key}`);
    expect(bypassed?.status()).toBe(200);
    expect(tester.url()).toBe(`${store.url}/products`);
    expect((await tester.goto(`${store.url}/`))?.status()).toBe(200);

    await staff.goto(`${store.url}/staff`);
    await staff.click("text=Turn maintenance off");
    await staff.getByText("Maintenance mode is off.").waitFor();
    const other = await browser.newContext();
    expect((await (await other.newPage()).goto(`${store.url}/products`))?.status()).toBe(200);
    await other.close();
    await visitorContext.close();
    await staff.close();
  });

  it("converges across two server processes on one database within the cache TTL", async () => {
    const login = await fetch(`${store.url}/api/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: store.url },
      body: JSON.stringify({ email: "ops@example.com", password: "ops password" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const status = async (url: string) => (await fetch(`${url}/products`)).status;
    expect([await status(store.url), await status(second.url)]).toEqual([200, 200]);

    const toggled = Date.now();
    await fetch(`${store.url}/api/trpc/staff.site.setMaintenance`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: store.url, cookie },
      body: JSON.stringify({ enabled: true }),
    });
    // The process that made the change sees it at once…
    expect(await status(store.url)).toBe(503);
    // …the other within its TTL.
    while ((await status(second.url)) !== 503) {
      expect(Date.now() - toggled).toBeLessThan(TTL_MS + 1500);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    await fetch(`${store.url}/api/trpc/staff.site.setMaintenance`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: store.url, cookie },
      body: JSON.stringify({ enabled: false }),
    });
    const off = Date.now();
    while ((await status(second.url)) !== 200) {
      expect(Date.now() - off).toBeLessThan(TTL_MS + 1500);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});

import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchForPageProblems } from "../support/browser";
import { repoRoot } from "../support/paths";
import { startServer, type RunningServer } from "../support/server";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("the store in a browser (%s)", (dialect) => {
  let dir: string;
  let testDb: TestDb;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "digistore-e2e-"));
    // Unmigrated: the server must migrate on boot, as on a fresh install.
    testDb = await createTestDb({ dialect, migrate: false, file: join(dir, "store.db") });
    server = await startServer({ DATABASE_URL: testDb.url, DATA_DIR: dir });
  });
  afterAll(async () => {
    await server?.stop();
    await testDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders the home page from the API and hydrates without errors", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Buy once. Get every update.");
    const time = await page.locator("[data-testid=api-status] time").getAttribute("datetime");
    expect(Date.now() - new Date(time ?? 0).getTime()).toBeLessThan(60_000);
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.screenshot({ path: join(repoRoot, "test-results", `home-${dialect}.png`) });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a real 404 page for an unknown path", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await page.click("text=Back to the store");
    await page.waitForURL(`${server.url}/`);
    await page.close();
  });

  it("reports the database in /healthz", async () => {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
      db: { dialect: string; ok: boolean };
    };
    expect(health.db).toMatchObject({ ok: true, dialect });
  });
});

import { testDialects } from "@digistore/db/testing";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchForPageProblems } from "../support/browser";
import { repoRoot } from "../support/paths";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("the store in a browser (%s)", (dialect) => {
  let server: TestStore;

  beforeAll(async () => {
    server = await startTestStore(dialect);
  });
  afterAll(() => server?.stop());

  it("renders the home page from the API and hydrates without errors", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Buy once. Get every update.");
    // The newest-products section comes from the catalogue API (empty on a fresh store).
    await page.getByText("No products on sale yet.").waitFor();
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.screenshot({ path: join(repoRoot, "test-results", `home-${dialect}.png`) });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("folds the menu behind a toggle on a phone, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport: { width: 375, height: 740 },
      });
      const page = await context.newPage();
      await page.goto(server.url);
      const logIn = page.locator("#main-nav >> text=Log in");
      expect([javaScriptEnabled, await logIn.isVisible()]).toEqual([javaScriptEnabled, false]);
      // The header is one line: brand and toggle.
      const header = await page.locator("header").boundingBox();
      expect(header!.height).toBeLessThan(80);
      await page.click("label[for=nav-toggle]");
      await logIn.waitFor();
      await logIn.click();
      await page.waitForURL(`${server.url}/login`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
      // Folded again on the page it led to.
      await page.locator("#main-nav >> text=Log in").waitFor({ state: "hidden" });
      await context.close();
    }
    // On a wide screen there is no toggle: the links are simply there.
    const wide = await browser.newPage();
    await wide.goto(server.url);
    expect(await wide.locator("label[for=nav-toggle]").isVisible()).toBe(false);
    await wide.locator("#main-nav >> text=Log in").waitFor();
    await wide.close();
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

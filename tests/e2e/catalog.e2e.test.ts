import { SYSTEM, systemClock } from "@digistore/core";
import { testDialects } from "@digistore/db/testing";
import { createUser } from "@digistore/domain-users";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, watchForPageProblems } from "../support/browser";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("selling in a browser (%s)", (dialect) => {
  let store: TestStore;
  let files: string;
  beforeAll(async () => {
    store = await startTestStore(dialect);
    files = mkdtempSync(join(tmpdir(), "digistore-upload-"));
    await createUser(
      { db: store.testDb.db, clock: systemClock, actor: SYSTEM },
      {
        email: "maker@example.com",
        password: "maker password",
        displayName: "Maker",
        seller: true,
      },
    );
  });
  afterAll(async () => {
    await store?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it("creates a product, uploads versions with a progress bar, publishes it, and it shows in the store as Updated", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    await logIn(page, store.url, "maker@example.com", "maker password");

    await page.click("header >> text=Your products");
    await page.click("text=New product");
    await page.fill("#title", "Aurora Icon Pack");
    await page.fill("#summary", "Two hundred crisp icons");
    await page.fill("#description", "# Icons\n\nSVG and PNG, **MIT** licensed.");
    await page.fill("#price", "19.50");
    await page.click("text=Create draft");
    await page.getByText("Draft created").waitFor();

    // A file big enough for progress events; its bytes are checked end to end later.
    const v1 = join(files, "aurora-1.0.0.zip");
    writeFileSync(v1, Buffer.alloc(3 * 1024 * 1024, 1));
    await page.fill("#label", "1.0.0");
    await page.fill("#changelog", "First release");
    await page.setInputFiles("#file", v1);
    await page.click("text=Upload version");
    await page.getByRole("progressbar").waitFor();
    await page.getByText("Version 1.0.0 is live.").waitFor();
    await expect(page.getByTestId("versions").textContent()).resolves.toContain("3 MiB");
    const sha = createHash("sha256")
      .update(Buffer.alloc(3 * 1024 * 1024, 1))
      .digest("hex");
    await expect(page.getByTestId("versions").textContent()).resolves.toContain(sha.slice(0, 16));

    await page.click("button:has-text('Publish')");
    await page.getByText("Published: it is on sale now.").waitFor();

    await page.goto(`${store.url}/products`);
    await page.locator(".product-card", { hasText: "Aurora Icon Pack" }).waitFor();
    expect(await page.locator(".product-card .badge.updated").count()).toBe(0);

    await page.goto(`${store.url}/seller/products`);
    await page.click("text=Aurora Icon Pack");
    const v2 = join(files, "aurora-1.1.0.zip");
    writeFileSync(v2, "new icons");
    await page.fill("#label", "1.1.0");
    await page.fill("#changelog", "Forty new icons");
    await page.setInputFiles("#file", v2);
    await page.click("text=Upload version");
    await page.getByText("Version 1.1.0 is live.").waitFor();

    await page.goto(`${store.url}/products?q=aurora`);
    const card = page.locator(".product-card", { hasText: "Aurora Icon Pack" });
    await card.locator(".badge.updated").waitFor();
    await expect(card.locator(".price").textContent()).resolves.toBe("$19.50");
    await card.locator("h3").click();
    await page.waitForURL(`${store.url}/products/aurora-icon-pack`);
    await page.locator("h1 .badge.updated").waitFor();
    await expect(page.locator(".description h1").textContent()).resolves.toBe("Icons");
    await page.getByText("Forty new icons").waitFor();
    // Its seller sees their own product as theirs, with the way back to the editor.
    await page.getByText("Your product: this is the page buyers see.").waitFor();
    expect(await page.getByText("You own this product").count()).toBe(0);
    await page.click("text=Edit your product");
    await page.waitForURL(/\/seller\/products\/[^/]+$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("offers visitors 'Log in to buy', and refuses bad prices with a field message", async () => {
    const visitor = await browser.newPage();
    await visitor.goto(`${store.url}/products/aurora-icon-pack`);
    await visitor.getByText("Log in to buy").click();
    await visitor.waitForURL(/\/login\?redirectTo=%2Fproducts%2Faurora-icon-pack/);
    await visitor.close();

    const page = await browser.newPage();
    await logIn(page, store.url, "maker@example.com", "maker password");
    await page.goto(`${store.url}/seller/products/new`);
    await page.fill("#title", "Broken price");
    await page.fill("#price", "12.345");
    await page.click("text=Create draft");
    await page.locator("#price-error", { hasText: "Enter a price like 12 or 12.50" }).waitFor();
    await page.fill("#price", "0");
    await page.click("text=Create draft");
    await page.locator("#price-error", { hasText: "above zero" }).waitFor();
    await page.close();
  });
});

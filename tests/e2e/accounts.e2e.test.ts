import { testDialects } from "@digistore/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchForPageProblems } from "../support/browser";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the newest dev-mailbox email to `to` and returns the link it carries to `path`. */
async function linkFromMail(
  page: Page,
  store: TestStore,
  to: string,
  path: string,
): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    await page.goto(`${store.url}/dev/mail`);
    const row = page.locator("tr", { hasText: to }).first();
    if (await row.count()) {
      await row.locator("a").click();
      const text = (await page.getByTestId("mail-text").textContent()) ?? "";
      const match = new RegExp(`https?://[^\\s]+${path}\\?token=[a-z2-7]+`).exec(text);
      if (match) return match[0];
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no email to ${to} with a ${path} link arrived`);
}

describe.each(testDialects())("accounts in a browser (%s)", (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore(dialect, { PUBLIC_URL: "http://localhost:1" });
  });
  afterAll(() => store?.stop());

  /** Links in emails point at PUBLIC_URL; the test server listens elsewhere. */
  const local = (link: string) => link.replace(/^https?:\/\/[^/]+/, store.url);

  it("registers, verifies from the mailbox, logs out and in, and starts selling", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    await page.goto(`${store.url}/register`);
    await page.fill("#displayName", "Ada Lovelace");
    await page.fill("#email", "ada@example.com");
    await page.fill("#password", "analytical engine");
    await page.click("button[type=submit]");
    await page.getByText("Check your inbox").waitFor();

    const verifyLink = await linkFromMail(page, store, "ada@example.com", "/verify-email");
    await page.goto(local(verifyLink));
    await page.click("text=Verify my email");
    await page.waitForURL(/\/account\?verified=1/);
    await page.getByText("Your email is verified").waitFor();
    expect(await page.locator(".badge", { hasText: "Verified" }).count()).toBe(1);
    // The same link again, in the session it opened: already verified, no spent button.
    await page.goto(local(verifyLink));
    await page.getByTestId("already-verified").waitFor();
    expect(await page.locator("text=Verify my email").count()).toBe(0);

    await page.click("header >> text=Log out");
    await page.waitForURL(`${store.url}/`);
    await page.locator("header >> text=Log in").waitFor();

    await page.goto(`${store.url}/login?redirectTo=/sell`);
    await page.fill("#email", "ADA@example.com");
    await page.fill("#password", "analytical engine");
    await page.click("button[type=submit]");
    await page.waitForURL(`${store.url}/sell`);
    await page.check("input[name=acceptTerms]");
    await page.click("text=Become a seller");
    await page.waitForURL(/\/account\?seller=1/);
    await page.getByText("You are a seller on this store.").waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows field errors without JavaScript and keeps nothing", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${store.url}/register`);
    await page.fill("#displayName", "Bob");
    await page.fill("#email", "not-an-email");
    await page.fill("#password", "short");
    await page.click("button[type=submit]");
    await page.locator("#email-error", { hasText: "Enter a valid email address" }).waitFor();
    await page.locator("#password-error", { hasText: "at least 8 characters" }).waitFor();
    const stored = await store.testDb.db
      .selectFrom("users")
      .select("id")
      .where("display_name", "=", "Bob")
      .execute();
    expect(stored).toEqual([]);

    await page.goto(`${store.url}/login`);
    await page.fill("#email", "nobody@example.com");
    await page.fill("#password", "whatever it is");
    await page.click("button[type=submit]");
    await page.getByText("Email or password is incorrect.").waitFor();
    await context.close();
  });

  it("never follows an off-site redirectTo after login", async () => {
    const page = await browser.newPage();
    await page.goto(`${store.url}/login?redirectTo=${encodeURIComponent("//evil.example/steal")}`);
    await page.fill("#email", "ada@example.com");
    await page.fill("#password", "analytical engine");
    await page.click("button[type=submit]");
    await page.waitForURL(`${store.url}/account`);
    await page.close();
  });

  it("resets a forgotten password by email, without signing in", async () => {
    const page = await browser.newPage();
    await page.goto(`${store.url}/forgot-password`);
    await page.fill("#email", "ada@example.com");
    await page.click("button[type=submit]");
    await page.getByText("If ada@example.com has an account").waitFor();
    const resetLink = await linkFromMail(page, store, "ada@example.com", "/reset-password");
    await page.goto(local(resetLink));
    await page.fill("#password", "difference engine");
    await page.fill("#confirm", "difference engine");
    await page.click("button[type=submit]");
    await page.waitForURL(/\/login\?reset=1/);
    await page.locator("header >> text=Log in").waitFor();
    await page.fill("#email", "ada@example.com");
    await page.fill("#password", "difference engine");
    await page.click("button[type=submit]");
    await page.waitForURL(`${store.url}/account`);
    await page.close();
  });
});

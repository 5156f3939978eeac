import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { rawRequest } from "../support/raw-http";
import { signedIn } from "../support/sessions";
import { startServer, type RunningServer } from "../support/server";
import { startTestStore, type TestStore } from "../support/store";

const PAGES = ["/", "/products", "/login", "/register", "/no-such-page"];

function header(
  response: { headers: Record<string, string | string[] | undefined> },
  name: string,
) {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

describe("security headers", () => {
  let store: TestStore;
  let browser: Browser;
  beforeAll(async () => {
    store = await startTestStore("sqlite");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.stop();
  });

  it.each(PAGES)(
    "%s carries CSP with a nonce on every inline script, and no framing or sniffing",
    async (path) => {
      const response = await rawRequest(store.url, path);
      const csp = header(response, "content-security-policy");
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toMatch(/script-src 'self' 'nonce-/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/base-uri 'none'/);
      expect(header(response, "x-frame-options")).toBe("DENY");
      expect(header(response, "x-content-type-options")).toBe("nosniff");
      expect(header(response, "referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(header(response, "strict-transport-security")).toBe("");
      const inline = [...response.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
      expect(inline.length).toBeGreaterThan(0);
      for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
      // A new nonce for every response.
      const again = await rawRequest(store.url, path);
      expect(header(again, "content-security-policy")).not.toContain(nonce);
    },
  );

  it("pages hydrate under the policy without a single violation", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    await page.goto(`${store.url}/login`);
    await page.click("text=Create an account");
    await page.waitForURL(`${store.url}/register`);
    // Client-side navigation worked, so the scripts ran; the policy refused nothing.
    await page.locator("h1", { hasText: /Create/ }).waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it("marks everything answered to a signed-in browser private, no-store", async () => {
    const user = await signedIn(store.testDb.db);
    for (const path of [
      "/account",
      "/library",
      "/",
      "/api/trpc/auth.me",
      "/api/trpc/library.products",
    ]) {
      const response = await rawRequest(store.url, path, { headers: { cookie: user.cookie } });
      expect(header(response, "cache-control"), path).toBe("private, no-store");
    }
    const anonymous = await rawRequest(store.url, "/products");
    expect(header(anonymous, "cache-control")).not.toMatch(/private/);
  });

  it("sends Strict-Transport-Security when the store is served over https", async () => {
    let server: RunningServer | undefined;
    try {
      server = await startServer({
        DATABASE_URL: store.testDb.url,
        DATA_DIR: store.dataDir,
        PUBLIC_URL: "https://store.example",
      });
      const response = await rawRequest(server.url, "/login");
      expect(header(response, "strict-transport-security")).toMatch(/max-age=31536000/);
      expect(header(response, "content-security-policy")).toMatch(/upgrade-insecure-requests/);
    } finally {
      await server?.stop();
    }
  });
});

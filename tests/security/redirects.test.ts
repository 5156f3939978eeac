import { HOSTILE_REDIRECTS } from "@digistore/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../support/raw-http";
import { signedIn } from "../support/sessions";
import { startTestStore, type TestStore } from "../support/store";

/** Where a browser goes with this Location header, from the page that answered it. */
function destination(store: TestStore, location: string): URL {
  return new URL(location, `${store.url}/login`);
}

describe("login redirects stay on the store", () => {
  let store: TestStore;
  let cookie: string;
  let credentials: { email: string; password: string };
  beforeAll(async () => {
    store = await startTestStore("sqlite");
    const user = await signedIn(store.testDb.db);
    cookie = user.cookie;
    credentials = { email: user.user.email, password: user.password };
  });
  afterAll(() => store?.stop());

  it("has a broad variant set", () => {
    expect(HOSTILE_REDIRECTS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE_REDIRECTS.map((target) => [JSON.stringify(target), target]))(
    "a signed-in visit to /login?redirectTo=%s lands on the store",
    async (_label, target) => {
      const response = await rawRequest(
        store.url,
        `/login?redirectTo=${encodeURIComponent(target)}`,
        { headers: { cookie } },
      );
      expect(response.status).toBe(302);
      const location = String(response.headers.location);
      expect(destination(store, location).origin).toBe(store.url);
      expect(location.startsWith("//") || location.includes("\\")).toBe(false);
    },
  );

  it("after logging in, every hostile target lands on the store too", async () => {
    // A sample through the real action (each login is a real password check).
    for (const target of HOSTILE_REDIRECTS.filter((_t, i) => i % 5 === 0)) {
      const body = new URLSearchParams({ ...credentials, redirectTo: target }).toString();
      const response = await rawRequest(store.url, "/login", {
        method: "POST",
        headers: { origin: store.url, "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      expect(response.status, JSON.stringify(target)).toBe(302);
      expect(destination(store, String(response.headers.location)).origin).toBe(store.url);
    }
  });

  it("keeps a same-site target, normalised", async () => {
    const response = await rawRequest(
      store.url,
      `/login?redirectTo=${encodeURIComponent("/products/x/../icons?ref=a#buy")}`,
      { headers: { cookie } },
    );
    expect(response.headers.location).toBe("/products/icons?ref=a#buy");
  });
});

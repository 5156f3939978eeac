import { testDialects } from "@digistore/db/testing";
import { setMaintenance } from "@digistore/domain-site";
import { SYSTEM, systemClock } from "@digistore/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawFollow, rawRequest } from "../support/raw-http";
import { startTestStore, type TestStore } from "../support/store";

// Spellings that start like an exempt path (tRPC, webhooks, health, assets, login) but that a
// router normalises to a page — the gate must judge the path the router will serve.
const DISGUISED_PAGE_PATHS = [
  "/api/trpcx/../../products",
  "/api/trpc/../../products",
  "/api/trpc/../products",
  "/api/trpc/%2e%2e/products",
  "/api/trpc/.%2e/products",
  "/api/trpc/%2E%2E/products",
  "/api/trpc\\..\\..\\products",
  "/api/trpc/..\\products",
  "/api/%74rpc/../../products",
  "/API/TRPC/../../products",
  "/api/trpc/x/../../../products",
  "//api/trpc/../../products",
  "/api//trpc/../../products",
  "/webhooks/../products",
  "/webhooks/%2e%2e/products",
  "/webhooks/dodo/../../products",
  "/healthz/../products",
  "/assets/../products",
  "/assets/%2e%2e/products",
  "/login/../products",
  "/login/..%2fproducts",
  "/favicon.ico/../products",
  "/products",
  "/products/",
  "//products",
  "/Products",
  "/%70roducts",
  "/products.data",
  "/products?_data=routes%2Fproducts._index",
  "/api/trpcx/../../dev/mail",
  "/api/trpc/../../account",
];

describe.each(testDialects())("maintenance gate on normalised paths (%s)", (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore(dialect, { SITE_SETTINGS_TTL_MS: "0" });
    await setMaintenance(
      { db: store.testDb.db, clock: systemClock, actor: SYSTEM },
      {
        enabled: true,
        message: "Down for a moment",
      },
    );
  });
  afterAll(() => store?.stop());

  it.each(DISGUISED_PAGE_PATHS)("%s gets the maintenance page, never the page", async (path) => {
    const response = await rawFollow(store.url, path);
    expect([503, 404], `${path} → ${response.path}`).toContain(response.status);
    if (response.status === 503) expect(response.body).toContain("Down for a moment");
    expect(response.body).not.toMatch(/All products|Dev mailbox|Log in to continue/);
  });

  it("keeps the exempt paths themselves answering", async () => {
    expect((await rawRequest(store.url, "/healthz")).status).toBe(200);
    expect((await rawRequest(store.url, "/login")).status).toBe(200);
    const ping = await rawRequest(store.url, "/api/trpc/health.ping");
    expect(ping.status).toBe(200);
    const products = await rawRequest(store.url, "/api/trpc/catalog.list");
    expect(products.status).toBe(503);
  });

  it("refuses a non-canonical path for a state change instead of re-routing it", async () => {
    for (const path of ["/webhooks/../logout", "/api/trpc/../../account", "/a/./b"]) {
      const response = await rawRequest(store.url, path, {
        method: "POST",
        headers: { origin: store.url, "content-type": "application/x-www-form-urlencoded" },
        body: "x=1",
      });
      expect(response.status, path).toBe(400);
    }
  });
});

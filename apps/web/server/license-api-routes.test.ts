import { createTestApi, type TestApi } from "@digistore/api/testing";
import { userActor } from "@digistore/core";
import { testDialects } from "@digistore/db/testing";
import { createPublishedProduct, createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { setLicensePolicy } from "@digistore/domain-licenses";
import { paymentEvent } from "@digistore/domain-orders/testing";
import { createSignedInUser } from "@digistore/domain-users/testing";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpApp } from "./http-app";
import { createLogger } from "./logger";
import { SESSION_COOKIE } from "./session-cookie";

describe.each(testDialects())("the public licence API over HTTP on %s", (dialect) => {
  let api: TestApi;
  let server: Server;
  let base: string;
  let key: string;
  let productId: string;
  let buyerToken: string;

  beforeEach(async () => {
    api = await createTestApi(dialect);
    api.clock.set(new Date());
    const app = createHttpApp({
      services: api.services,
      web: { secureCookies: false },
      logger: createLogger("silent"),
      pages: (_req, res) => {
        res.status(200).type("text/plain").send("a store page");
      },
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const catalog = {
      ...createTestCatalogDeps(api.testDb, { clock: api.clock }),
      storage: api.services.storage,
    };
    const seller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
    const buyer = await createSignedInUser(api.testDb.db, { clock: api.clock });
    buyerToken = buyer.token;
    const product = await createPublishedProduct(catalog, seller.user.id, { price: 1900 });
    productId = product.id;
    await setLicensePolicy(
      { ...api.services, actor: userActor(seller.user) },
      { productId, enabled: true, activationLimit: 2, validityDays: null },
    );
    const { orderId } = await api.caller(buyer.token).checkout.start({
      productSlug: product.slug,
      billingCountry: "DE",
    });
    await api.services.paymentEvents.ingest(
      paymentEvent(orderId, {
        kind: "payment",
        status: "succeeded",
        amount: 1900,
        currency: "USD",
      }),
    );
    key = (await api.caller(buyer.token).licenses.mine({ productId }))!.key;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("activates, validates and deactivates from another origin, with no cookie", async () => {
    const activated = await post(
      "/api/v1/licenses/activate",
      { key, productId, instanceName: "Build server" },
      { origin: "https://sellers-app.example" },
    );
    expect(activated.status).toBe(200);
    expect(activated.headers.get("access-control-allow-origin")).toBe("*");
    expect(activated.headers.get("access-control-allow-credentials")).toBeNull();
    const body = (await activated.json()) as {
      valid: boolean;
      instance: { id: string };
      token: string;
    };
    expect(body).toMatchObject({ valid: true, activationCount: 1, activationLimit: 2 });
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+$/);

    const validated = await post("/api/v1/licenses/validate", {
      key,
      productId,
      instanceId: body.instance.id,
    });
    expect(await validated.json()).toMatchObject({ valid: true, status: "active" });

    const gone = await post("/api/v1/licenses/deactivate", {
      key,
      productId,
      instanceId: body.instance.id,
    });
    expect(await gone.json()).toEqual({ deactivated: true });
  });

  it("answers CORS preflights and publishes its OpenAPI document", async () => {
    const preflight = await fetch(`${base}/api/v1/licenses/validate`, {
      method: "OPTIONS",
      headers: { origin: "https://x.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: { required: string[] } }> } } }
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe("http://store.test/api/v1");
    expect(Object.keys(doc.paths)).toEqual([
      "/licenses/validate",
      "/licenses/activate",
      "/licenses/deactivate",
    ]);
    expect(
      doc.paths["/licenses/activate"]!.post.requestBody.content["application/json"]!.schema
        .required,
    ).toEqual(["key", "productId", "instanceName"]);
  });

  it.each([
    [
      "unknown key",
      "/api/v1/licenses/validate",
      () => ({ key: "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", productId }),
      404,
      "NOT_FOUND",
    ],
    [
      "malformed key",
      "/api/v1/licenses/validate",
      () => ({ key: "<script>", productId }),
      400,
      "VALIDATION",
    ],
    ["missing name", "/api/v1/licenses/activate", () => ({ key, productId }), 400, "VALIDATION"],
    [
      "unknown operation",
      "/api/v1/licenses/transfer",
      () => ({ key, productId }),
      404,
      "NOT_FOUND",
    ],
    ["broken JSON", "/api/v1/licenses/validate", () => "{not json", 400, "BAD_REQUEST"],
    ["array body", "/api/v1/licenses/validate", () => "[1,2]", 400, "VALIDATION"],
    [
      "huge body",
      "/api/v1/licenses/validate",
      () => JSON.stringify({ key, productId, pad: "x".repeat(20_000) }),
      413,
      "PAYLOAD_TOO_LARGE",
    ],
  ])("refuses a call with %s", async (_name, path, body, status, code) => {
    const response = await post(path, body());
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
  ])("refuses a %s body with 415 and changes nothing", async (_name, type) => {
    const response = await post(
      "/api/v1/licenses/activate",
      JSON.stringify({ key, productId, instanceName: "Sneaky" }),
      { "content-type": type },
    );
    expect(response.status).toBe(415);
    expect((await api.caller(buyerToken).licenses.mine({ productId }))!.activations).toEqual([]);
  });

  it.each(["GET", "PUT", "DELETE", "PATCH"])("answers %s with 405", async (method) => {
    const response = await fetch(`${base}/api/v1/licenses/validate`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("ignores the caller's session cookie: a key is the only credential", async () => {
    const response = await post(
      "/api/v1/licenses/activate",
      { key: "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", productId, instanceName: "x" },
      { cookie: `${SESSION_COOKIE}=${buyerToken}` },
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("says when to come back after the rate limit", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 61; i++) last = await post("/api/v1/licenses/validate", { key, productId });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

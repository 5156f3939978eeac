import { SYSTEM } from "@digistore/core";
import { createTestApi, type TestApi } from "@digistore/api/testing";
import { testDialects } from "@digistore/db/testing";
import { createPublishedProduct, createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { createTestOrder } from "@digistore/domain-orders/testing";
import { setMaintenance } from "@digistore/domain-site";
import { createSignedInUser } from "@digistore/domain-users/testing";
import { createDodoProvider } from "@digistore/payments-dodo";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpApp } from "./http-app";
import { createLogger } from "./logger";
import { SESSION_COOKIE } from "./session-cookie";

const SECRET = "whsec_dGVzdC13ZWJob29rLXNlY3JldC1mb3ItZGlnaXN0b3Jl";

describe.each(testDialects())("webhook and download endpoints on %s", (dialect) => {
  let api: TestApi;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    api = await createTestApi(dialect);
    // The real adapter verifies signatures; it never needs Dodo's API for payment events here.
    const payments = createDodoProvider({
      db: api.testDb.db,
      clock: api.clock,
      apiKey: "unused",
      webhookKey: SECRET,
      baseUrl: "http://127.0.0.1:9",
      businessId: "bus_1",
    });
    const app = createHttpApp({
      services: { ...api.services, payments },
      web: { secureCookies: false },
      logger: createLogger("silent"),
      pages: (_req, res) => void res.status(404).end(),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  /** A pending order for a fresh buyer, inserted as checkout would leave it. */
  async function pendingOrder() {
    // Files go where the server reads them: the API's own storage.
    const catalog = {
      ...createTestCatalogDeps(api.testDb, { clock: api.clock }),
      storage: api.services.storage,
    };
    const seller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
    const buyer = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const product = await createPublishedProduct(catalog, seller.user.id, {
      price: 1200,
      content: "0123456789abcdef",
    });
    const orderId = `0190f0f0-0000-7000-8000-${String(Date.now()).slice(-12).padStart(12, "0")}`;
    await createTestOrder(api.testDb.db, {
      id: orderId,
      userId: buyer.user.id,
      productId: product.id,
      amount: 1200,
      checkoutId: "cks_x",
      at: api.clock.now(),
    });
    return { orderId, buyer, product, catalog };
  }

  function signed(body: string, options: { secret?: string; at?: Date; id?: string } = {}) {
    const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
    const at = options.at ?? new Date();
    const signature = new Webhook(options.secret ?? SECRET).sign(id, at, body);
    return {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    };
  }

  const succeeded = (orderId: string) =>
    JSON.stringify({
      business_id: "bus_1",
      type: "payment.succeeded",
      timestamp: new Date().toISOString(),
      data: {
        payload_type: "Payment",
        payment_id: "pay_1",
        total_amount: 1200,
        currency: "USD",
        status: "succeeded",
        metadata: { order_id: orderId },
      },
    });
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${base}/webhooks/dodo`, { method: "POST", headers, body });
  const count = async (table: "payment_events" | "purchased_products") =>
    (
      await api.testDb.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  it("refuses forged, re-signed, tampered and stale webhooks and stores nothing", async () => {
    const { orderId } = await pendingOrder();
    const body = succeeded(orderId);
    expect((await post(body, { ...signed(body), "webhook-signature": "v1,Zm9yZ2Vk" })).status).toBe(
      401,
    );
    expect(
      (await post(body, signed(body, { secret: "whsec_d3Jvbmctc2VjcmV0LWZvci10aGUtdGVzdA==" })))
        .status,
    ).toBe(401);
    expect((await post(body.replace("1200", "1"), signed(body))).status).toBe(401);
    expect((await post(body, signed(body, { at: new Date(Date.now() - 6 * 60_000) }))).status).toBe(
      401,
    );
    expect((await post(body, signed(body, { at: new Date(Date.now() + 6 * 60_000) }))).status).toBe(
      401,
    );
    expect((await post(body, { "content-type": "application/json" })).status).toBe(401);
    expect([await count("payment_events"), await count("purchased_products")]).toEqual([0, 0]);
  });

  it("item 10: stores a signed body it cannot read, raw body exact, flagged, answered 2xx", async () => {
    const body = `{"business_id":"bus_1","type":"payment.succeeded","timestamp":"${new Date().toISOString()}","data":{"payment_id":"pay_1","total_amount":"12.00"}}  `;
    const response = await post(body, signed(body));
    expect(response.status).toBe(200);
    const row = await api.testDb.db
      .selectFrom("payment_events")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: "failed", type: "payment.succeeded", order_id: null });
    expect(row.error).toMatch(/^unparseable: .*total_amount/);
    expect((JSON.parse(row.payload) as { rawBody: string }).rawBody).toBe(body);
  });

  it("item 11: stores an event for another business as unmatched and applies nothing", async () => {
    const { orderId } = await pendingOrder();
    const body = succeeded(orderId).replace('"bus_1"', '"bus_someone_else"');
    expect((await post(body, signed(body))).status).toBe(200);
    const row = await api.testDb.db
      .selectFrom("payment_events")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: "unmatched", order_id: null });
    expect(row.error).toMatch(/bus_someone_else/);
    expect(await count("purchased_products")).toBe(0);
  });

  it("stores and answers an event for an unknown order, flagged, granting nothing", async () => {
    const body = succeeded("0190f0f0-0000-7000-8000-00000000beef");
    const response = await post(body, signed(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "unmatched" });
    const [event] = await api.testDb.db.selectFrom("payment_events").selectAll().execute();
    expect(event).toMatchObject({
      outcome: "unmatched",
      error: "unknown order 0190f0f0-0000-7000-8000-00000000beef",
    });
    expect(await count("purchased_products")).toBe(0);
  });

  it("processes webhooks during maintenance, once per event id", async () => {
    const { orderId } = await pendingOrder();
    await setMaintenance(
      { db: api.testDb.db, clock: api.clock, site: api.services.site, actor: SYSTEM },
      { enabled: true },
    );
    const body = succeeded(orderId);
    const headers = signed(body, { id: "msg_once" });
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(body, headers)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect([await count("payment_events"), await count("purchased_products")]).toEqual([1, 1]);
    expect(await api.emails.ofKind("receipt")).toHaveLength(1);
  });

  it("serves downloads with Range, and explains expired and foreign links", async () => {
    const { orderId, buyer, product } = await pendingOrder();
    const body = succeeded(orderId);
    await post(body, signed(body));
    const stranger = await createSignedInUser(api.testDb.db, { clock: api.clock });
    const link = await api.caller(buyer.token).library.download({ productId: product.id });
    const cookie = `${SESSION_COOKIE}=${buyer.token}`;

    const whole = await fetch(`${base}${link.url}`, { headers: { cookie } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-disposition")).toMatch(/^attachment; filename="product.zip"/);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(await whole.text()).toBe("0123456789abcdef");

    const part = await fetch(`${base}${link.url}`, { headers: { cookie, range: "bytes=4-7" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 4-7/16");
    expect(await part.text()).toBe("4567");
    expect(
      (await fetch(`${base}${link.url}`, { headers: { cookie, range: "bytes=99-" } })).status,
    ).toBe(416);

    const foreign = await fetch(`${base}${link.url}`, {
      headers: { cookie: `${SESSION_COOKIE}=${stranger.token}` },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("belongs to another account");
    api.clock.advance(5 * 60_000 + 1);
    const expired = await fetch(`${base}${link.url}`, { headers: { cookie } });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Go back to My Products and click Download again.");
  });
});

import { testDialects } from "@digistore/db/testing";
import { WebhookVerificationError } from "@digistore/domain-orders";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWebhookVerifier } from "./verify-webhook";
import { newWebhookSecret, startDodoHarness, type DodoHarness } from "./testing/harness";
import type { ReceivedWebhook } from "@digistore/dodo-emulator/testing";

describe.each(testDialects())("verifyAndParse on %s", (dialect) => {
  let h: DodoHarness;
  let delivery: ReceivedWebhook;
  beforeEach(async () => {
    h = await startDodoHarness(dialect);
    h.emulator.control.send("payment.succeeded", {
      payload_type: "Payment",
      payment_id: "pay_1",
      total_amount: 1999,
      currency: "USD",
      metadata: { order_id: "ord_1" },
    });
    await h.emulator.control.waitForDeliveries();
    delivery = h.receiver.one("payment.succeeded");
  });
  afterEach(() => h.close());

  const rejection = async (body: string, headers: Record<string, string | undefined>) => {
    const error: unknown = await h.provider.verifyAndParse(body, headers).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as Error).message;
  };

  /** Signs `body` as Dodo would, at `at`, with `secret`. */
  const signed = (body: string, at: Date, secret = h.secret, id = "msg_selfsigned") => ({
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  });

  it("accepts the emulator's real delivery", async () => {
    expect(await h.provider.verifyAndParse(delivery.body, delivery.headers)).toMatchObject({
      orderId: "ord_1",
      paymentId: "pay_1",
      fact: { kind: "payment", status: "succeeded", amount: 1999, currency: "USD" },
    });
  });

  it("accepts headers whatever their case, and a body it signed itself", async () => {
    const headers = signed(delivery.body, new Date());
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(await h.provider.verifyAndParse(delivery.body, upper)).toMatchObject({
      eventId: "msg_selfsigned",
    });
  });

  it("rejects a forged signature", async () => {
    const forged = `v1,${Buffer.alloc(32, 7).toString("base64")}`;
    expect(
      await rejection(delivery.body, { ...delivery.headers, "webhook-signature": forged }),
    ).toMatch(/signature/i);
  });

  it("rejects a delivery signed with another secret", async () => {
    const headers = signed(delivery.body, new Date(), newWebhookSecret());
    expect(await rejection(delivery.body, headers)).toMatch(/No matching signature/);
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])(
    "rejects a delivery without %s",
    async (name) => {
      const headers = { ...delivery.headers, [name]: undefined };
      expect(await rejection(delivery.body, headers)).toMatch(/Missing webhook-id/);
      expect(await rejection(delivery.body, { ...delivery.headers, [name]: "" })).toMatch(
        /Missing/,
      );
    },
  );

  it("rejects a stale timestamp (signed 6 minutes ago)", async () => {
    const headers = signed(delivery.body, new Date(Date.now() - 6 * 60_000));
    expect(await rejection(delivery.body, headers)).toMatch(/too old/);
  });

  it("rejects a timestamp from the future (6 minutes ahead)", async () => {
    const headers = signed(delivery.body, new Date(Date.now() + 6 * 60_000));
    expect(await rejection(delivery.body, headers)).toMatch(/too new/);
  });

  it("accepts a timestamp within the window (4 minutes ago)", async () => {
    const headers = signed(delivery.body, new Date(Date.now() - 4 * 60_000));
    await expect(h.provider.verifyAndParse(delivery.body, headers)).resolves.toMatchObject({
      orderId: "ord_1",
    });
  });

  it("rejects a body changed after signing, even by whitespace", async () => {
    const changed = delivery.body.replace('"total_amount":1999', '"total_amount":1');
    expect(changed).not.toBe(delivery.body);
    expect(await rejection(changed, delivery.headers)).toMatch(/No matching signature/);
    expect(await rejection(`${delivery.body} `, delivery.headers)).toMatch(/No matching signature/);
    expect(
      await rejection(JSON.stringify(JSON.parse(delivery.body), null, 2), delivery.headers),
    ).toMatch(/signature/);
  });

  it("item 10: keeps a signed body that is not a Dodo event as unparseable, raw body exact", async () => {
    const now = new Date();
    const notJson = "total_amount=1999";
    const noType = JSON.stringify({ timestamp: now.toISOString(), data: {} });
    const badPayment = JSON.stringify({
      business_id: h.emulator.businessId,
      type: "payment.succeeded",
      timestamp: now.toISOString(),
      data: { payment_id: "pay_1", total_amount: -5, currency: "USD" },
    });
    for (const [body, reason] of [
      [notJson, /JSON/],
      [noType, /malformed at (type|business_id)/],
      [badPayment, /malformed at total_amount/],
    ] as const) {
      const event = await h.provider.verifyAndParse(body, signed(body, now));
      expect(event).toMatchObject({
        orderId: null,
        fact: { kind: "unparseable", reason: expect.stringMatching(reason) as string },
        rawBody: body,
      });
    }
  });
});

describe("createWebhookVerifier", () => {
  it("refuses a missing or unusable key up front", () => {
    expect(() => createWebhookVerifier("")).toThrow(/webhookKey is required/);
    expect(() => createWebhookVerifier("whsec_")).toThrow();
  });
});

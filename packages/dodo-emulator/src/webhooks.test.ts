import { ManualClock, MINUTE } from "@digistore/core";
import type { Dispute } from "dodopayments/resources/disputes";
import type { Payment } from "dodopayments/resources/payments";
import type { Refund } from "dodopayments/resources/refunds";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { ebook, startEmulator, type RunningEmulator } from "./testing/fixtures";
import { thrown } from "./testing/thrown";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver";
import type { WebhookEventRecord, WebhookPayload } from "./webhooks/dispatcher";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  options: { status?: (n: number) => number; retryScheduleMs?: number[]; clock?: ManualClock } = {},
) {
  const receiver = await startWebhookReceiver(options.status);
  cleanups.push(() => receiver.close());
  const running = await startEmulator({
    webhookUrl: receiver.url,
    retryScheduleMs: options.retryScheduleMs ?? [0, 5, 5],
    ...(options.clock ? { clock: options.clock } : {}),
  });
  cleanups.push(() => running.emulator.close());
  return { receiver, running, verifier: new Webhook(running.secret) };
}

async function paidSession(running: RunningEmulator) {
  const product = await ebook(running.client);
  const session = await running.client.checkoutSessions.create({
    product_cart: [{ product_id: product.product_id, quantity: 1 }],
    customer: { email: "alice@example.com", name: "Alice" },
    metadata: { order_id: "ord_42" },
  });
  const payment = running.emulator.control.pay(session.session_id);
  await running.emulator.control.waitForDeliveries();
  return { product, session, payment };
}

function verified(verifier: Webhook, receiver: WebhookReceiver, index: number): WebhookPayload {
  const { body } = receiver.received[index]!;
  return verifier.verify(body, receiver.signatureHeaders(index)) as WebhookPayload;
}

describe("webhooks", () => {
  it("sends payment.succeeded signed with Standard Webhooks, with the checkout's metadata", async () => {
    const { receiver, running, verifier } = await setup();
    const { session, payment } = await paidSession(running);

    expect(receiver.received).toHaveLength(1);
    const { headers } = receiver.received[0]!;
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["webhook-id"]).toMatch(/^msg_/);
    expect(headers["webhook-signature"]).toMatch(/^v1,/);

    const event = verified(verifier, receiver, 0);
    expect(event).toMatchObject({
      business_id: running.emulator.businessId,
      type: "payment.succeeded",
      data: {
        payload_type: "Payment",
        payment_id: payment.payment_id,
        status: "succeeded",
        total_amount: 1999,
        metadata: { order_id: "ord_42" },
        checkout_session_id: session.session_id,
      },
    });
    expect(Date.parse(event.timestamp)).not.toBeNaN();
    // `data` is the payment exactly as GET /payments/{id} returns it, plus payload_type.
    const fetched = await running.client.payments.retrieve(payment.payment_id);
    expect(event.data).toEqual({ payload_type: "Payment", ...fetched });

    // The SDK's own unwrap (what the production adapter uses) accepts it too.
    const unwrapped = running.client.webhooks.unwrap(receiver.received[0]!.body, {
      headers: receiver.signatureHeaders(0),
    });
    expect(unwrapped.type).toBe("payment.succeeded");
  });

  it("sends payment.failed for a declined checkout", async () => {
    const { receiver, running, verifier } = await setup();
    const product = await ebook(running.client);
    const session = await running.client.checkoutSessions.create({
      product_cart: [{ product_id: product.product_id, quantity: 1 }],
      metadata: { order_id: "ord_7" },
    });
    const declined = await running.control("POST", `checkouts/${session.session_id}/decline`);
    expect(declined.json).toMatchObject({ status: "failed", error_code: "CARD_DECLINED" });
    await running.emulator.control.waitForDeliveries();
    expect(verified(verifier, receiver, 0)).toMatchObject({
      type: "payment.failed",
      data: { payload_type: "Payment", status: "failed", metadata: { order_id: "ord_7" } },
    });
  });

  it("sends refund and dispute events without the checkout's metadata, as Dodo does", async () => {
    const { receiver, running, verifier } = await setup();
    const { payment } = await paidSession(running);

    const refund = await running.control("POST", `payments/${payment.payment_id}/refund`, {
      amount: 500,
    });
    expect(refund.json).toMatchObject({ amount: 500, is_partial: true });
    for (const status of ["opened", "won"] as const) {
      const response = await running.control("POST", `payments/${payment.payment_id}/dispute`, {
        status,
      });
      expect(response.json).toMatchObject({ dispute_status: `dispute_${status}` });
    }
    running.emulator.control.dispute(payment.payment_id, "lost");
    await running.emulator.control.waitForDeliveries();

    const events = receiver.received.map((_, i) => verified(verifier, receiver, i));
    const byType = new Map(events.map((e) => [e.type, e]));
    expect([...byType.keys()].sort()).toEqual([
      "dispute.lost",
      "dispute.opened",
      "dispute.won",
      "payment.succeeded",
      "refund.succeeded",
    ]);
    expect(byType.get("refund.succeeded")!.data).toMatchObject({
      payload_type: "Refund",
      payment_id: payment.payment_id,
      amount: 500,
      status: "succeeded",
      metadata: {},
    } satisfies Partial<Refund> & { payload_type: string });
    expect(byType.get("dispute.opened")!.data).toMatchObject({
      payload_type: "Dispute",
      payment_id: payment.payment_id,
      dispute_status: "dispute_opened",
      dispute_stage: "dispute",
      amount: "1999",
      currency: "USD",
    });
    expect(byType.get("dispute.opened")!.data).not.toHaveProperty("metadata");
    expect((byType.get("dispute.opened")!.data as Dispute).dispute_id).toMatch(/^dp_/);
    const opened = byType.get("dispute.opened")!.data as Dispute;
    expect(byType.get("dispute.lost")!.data).toMatchObject({
      dispute_id: opened.dispute_id,
      dispute_status: "dispute_lost",
    });

    const fetched = await running.client.payments.retrieve(payment.payment_id);
    expect(fetched.disputes).toMatchObject([
      { dispute_id: opened.dispute_id, dispute_status: "dispute_lost" },
    ]);
    expect(await running.client.disputes.retrieve(opened.dispute_id)).toMatchObject({
      dispute_status: "dispute_lost",
    });
  });

  it("retries non-2xx answers on the schedule and logs every attempt", async () => {
    const { receiver, running, verifier } = await setup({
      status: (n) => (n <= 2 ? 500 : 200),
      retryScheduleMs: [0, 10, 10, 10],
    });
    await paidSession(running);

    expect(receiver.received).toHaveLength(3);
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
    for (let i = 0; i < 3; i++)
      expect(verified(verifier, receiver, i).type).toBe("payment.succeeded");

    const [event] = running.emulator.control.events();
    expect(event).toMatchObject({
      webhookId: ids[0],
      type: "payment.succeeded",
      status: "delivered",
      attempts: [
        { run: "original", attempt: 1, statusCode: 500, error: null },
        { run: "original", attempt: 2, statusCode: 500 },
        { run: "original", attempt: 3, statusCode: 200 },
      ],
    });
    const log = await running.control("GET", "events");
    expect((log.json as { items: WebhookEventRecord[] }).items).toEqual([event]);
  });

  it("gives up after the last scheduled attempt", async () => {
    const { receiver, running } = await setup({ status: () => 503, retryScheduleMs: [0, 5, 5] });
    await paidSession(running);
    expect(receiver.received).toHaveLength(3);
    expect(running.emulator.control.events()[0]).toMatchObject({ status: "failed" });
  });

  it("records network errors as attempts without a status code", async () => {
    const receiver = await startWebhookReceiver();
    const deadUrl = receiver.url;
    await receiver.close();
    const running = await startEmulator({ webhookUrl: deadUrl, retryScheduleMs: [0, 5] });
    cleanups.push(() => running.emulator.close());
    await paidSession(running);
    const [event] = running.emulator.control.events();
    expect(event!.status).toBe("failed");
    expect(event!.attempts).toHaveLength(2);
    expect(event!.attempts[0]!.statusCode).toBeNull();
    expect(event!.attempts[0]!.error).toMatch(/fetch failed|ECONNREFUSED/);
  });

  it("resends with the same webhook-id and a fresh signature timestamp", async () => {
    const clock = new ManualClock(Date.now());
    const { receiver, running, verifier } = await setup({ clock });
    await paidSession(running);
    const webhookId = running.emulator.control.events()[0]!.webhookId;

    clock.advance(MINUTE);
    const resent = await running.control("POST", `events/${webhookId}/resend`);
    expect(resent.status).toBe(200);
    await running.emulator.control.waitForDeliveries();

    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second!.headers["webhook-id"]).toBe(webhookId);
    expect(second!.body).toBe(first!.body);
    expect(Number(second!.headers["webhook-timestamp"])).toBe(
      Number(first!.headers["webhook-timestamp"]) + 60,
    );
    expect(second!.headers["webhook-signature"]).not.toBe(first!.headers["webhook-signature"]);
    expect(verified(verifier, receiver, 1).type).toBe("payment.succeeded");
    expect(running.emulator.control.events()[0]!.attempts.map((a) => a.run)).toEqual([
      "original",
      "resend",
    ]);
  });

  it("duplicates an event: N more identical deliveries, concurrently", async () => {
    const { receiver, running, verifier } = await setup();
    await paidSession(running);
    const webhookId = running.emulator.control.events()[0]!.webhookId;

    const duplicated = await running.control("POST", `events/${webhookId}/duplicate`, { times: 3 });
    expect(duplicated.status).toBe(200);
    await running.emulator.control.waitForDeliveries();

    expect(receiver.received).toHaveLength(4);
    const bodies = new Set(receiver.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(
      new Set([webhookId]),
    );
    for (let i = 0; i < 4; i++)
      expect(verified(verifier, receiver, i).type).toBe("payment.succeeded");

    running.emulator.control.duplicate(webhookId, 2);
    await running.emulator.control.waitForDeliveries();
    expect(receiver.received).toHaveLength(6);
  });

  it("signs so that a body changed after signing fails verification", async () => {
    const { receiver, running, verifier } = await setup();
    await paidSession(running);
    const { body } = receiver.received[0]!;
    const tampered = body.replace('"total_amount":1999', '"total_amount":1');
    expect(tampered).not.toBe(body);
    expect(() => verifier.verify(tampered, receiver.signatureHeaders(0))).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.from("another secret").toString("base64")}`).verify(
        body,
        receiver.signatureHeaders(0),
      ),
    ).toThrow();
  });

  it("sends arbitrary signed events from the control API", async () => {
    const { receiver, running, verifier } = await setup();
    const data = {
      payload_type: "Payment",
      payment_id: "pay_ghost",
      metadata: { order_id: "nope" },
    };
    const sent = await running.control("POST", "events/send", { type: "payment.succeeded", data });
    expect(sent.json).toMatchObject({ type: "payment.succeeded", payload: { data } });
    await running.emulator.control.waitForDeliveries();
    expect(verified(verifier, receiver, 0)).toMatchObject({ type: "payment.succeeded", data });
  });

  it("keeps events without a webhook URL, and resends them once one is set", async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const running = await startEmulator({ retryScheduleMs: [0] });
    cleanups.push(() => running.emulator.close());
    const { payment } = await paidSession(running);
    const [event] = running.emulator.control.events();
    expect(event).toMatchObject({ status: "no_endpoint", attempts: [] });

    const set = await running.control("PUT", "webhook-url", { url: receiver.url });
    expect(set.json).toEqual({ url: receiver.url });
    running.emulator.control.resend(event!.webhookId);
    await running.emulator.control.waitForDeliveries();
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      data: { payment_id: payment.payment_id } satisfies Partial<Payment>,
    });
    expect(running.emulator.control.events()[0]!.status).toBe("delivered");
  });

  it("answers 404 for unknown events and validates control bodies", async () => {
    const { running } = await setup();
    expect((await running.control("POST", "events/msg_unknown/resend")).status).toBe(404);
    const { payment } = await paidSession(running);
    const bad = await running.control("POST", `payments/${payment.payment_id}/dispute`, {
      status: "maybe",
    });
    expect(bad.status).toBe(422);
    expect(
      (await running.control("POST", `payments/${payment.payment_id}/refund`, { amount: 0 }))
        .status,
    ).toBe(422);
    expect(thrown(() => running.emulator.control.refund(payment.payment_id, 5000))).toMatchObject({
      status: 400,
      code: "REFUND_AMOUNT_EXCEEDS_PAYMENT",
    });
  });
});

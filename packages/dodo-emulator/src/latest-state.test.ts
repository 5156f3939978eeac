import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { ebook } from "./testing/fixtures";
import { perTest } from "./testing/per-test";
import { sessionFor } from "./testing/session";
import type { WebhookPayload } from "./webhooks/dispatcher";

const use = perTest();

describe("webhook retries", () => {
  it("carry the object's latest state, not the snapshot of the first attempt", async () => {
    // The first delivery fails; the retry comes after the payment was refunded and disputed.
    const receiver = await use.receiver((n) => (n === 1 ? 500 : 200));
    const running = await use.emulator({ webhookUrl: receiver.url, retryScheduleMs: [0, 50] });
    const { session_id } = await sessionFor(running, (await ebook(running.client)).product_id);
    const { payment_id } = running.emulator.control.pay(session_id);
    running.emulator.control.refund(payment_id, 500);
    running.emulator.control.dispute(payment_id, "opened");
    await running.emulator.control.waitForDeliveries();

    const verifier = new Webhook(running.secret);
    const succeeded = receiver.received
      .map(({ body }, i) => verifier.verify(body, receiver.signatureHeaders(i)) as WebhookPayload)
      .filter((event) => event.type === "payment.succeeded");
    expect(succeeded).toHaveLength(2);
    const [first, retry] = succeeded.map((e) => e.data as Record<string, unknown>);
    expect(first).toMatchObject({ refund_status: null, refunds: [], disputes: [] });
    expect(retry).toMatchObject({
      payment_id,
      refund_status: "partial",
      refunds: [expect.objectContaining({ amount: 500 })],
      disputes: [expect.objectContaining({ dispute_status: "dispute_opened" })],
    });
    // Same event: same id and timestamp on both deliveries.
    const ids = receiver.received
      .filter((r) => (JSON.parse(r.body) as WebhookPayload).type === "payment.succeeded")
      .map((r) => r.headers["webhook-id"]);
    expect(ids[0]).toMatch(/^msg_/);
    expect(ids[1]).toBe(ids[0]);
    expect(succeeded[0]!.timestamp).toBe(succeeded[1]!.timestamp);
    // The delivery log shows the body last sent.
    const logged = running.emulator.control.events().find((e) => e.type === "payment.succeeded")!;
    expect(logged.payload.data).toMatchObject({ refund_status: "partial" });
  });

  it("a resend carries the dispute as it stands now", async () => {
    const receiver = await use.receiver();
    const running = await use.emulator({ webhookUrl: receiver.url });
    const { session_id } = await sessionFor(running, (await ebook(running.client)).product_id);
    const { payment_id } = running.emulator.control.pay(session_id);
    running.emulator.control.dispute(payment_id, "opened");
    await running.emulator.control.waitForDeliveries();
    const opened = running.emulator.control.events().find((e) => e.type === "dispute.opened")!;
    running.emulator.control.dispute(payment_id, "won");
    running.emulator.control.resend(opened.webhookId);
    await running.emulator.control.waitForDeliveries();
    const resent = receiver.received.at(-1)!;
    expect(resent.headers["webhook-id"]).toBe(opened.webhookId);
    expect(JSON.parse(resent.body)).toMatchObject({
      type: "dispute.opened",
      data: { dispute_status: "dispute_won" },
    });
  });
});

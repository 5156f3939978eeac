import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { ebook, type RunningEmulator } from "./testing/fixtures";
import { perTest } from "./testing/per-test";
import { sessionFor } from "./testing/session";
import { thrown } from "./testing/thrown";
import type { WebhookReceiver } from "./testing/webhook-receiver";
import type { WebhookPayload } from "./webhooks/dispatcher";

const use = perTest();

async function setup() {
  const receiver = await use.receiver();
  const running = await use.emulator({ webhookUrl: receiver.url });
  const { session_id } = await sessionFor(running, (await ebook(running.client)).product_id);
  return { receiver, running, sessionId: session_id };
}

/** Every delivered event, verified, oldest first. */
async function delivered(running: RunningEmulator, receiver: WebhookReceiver) {
  await running.emulator.control.waitForDeliveries();
  const verifier = new Webhook(running.secret);
  return receiver.received.map(
    ({ body }, i) => verifier.verify(body, receiver.signatureHeaders(i)) as WebhookPayload,
  );
}

describe("every documented event type", () => {
  it("sends payment.processing, then payment.succeeded for the same payment", async () => {
    const { receiver, running, sessionId } = await setup();
    const processing = running.emulator.control.process(sessionId);
    expect(processing.status).toBe("processing");
    expect(thrown(() => running.emulator.control.pay(sessionId))).toMatchObject({
      status: 409,
      code: "PAYMENT_IN_PROGRESS",
    });
    running.emulator.control.settle(processing.payment_id, "succeeded");
    const events = await delivered(running, receiver);
    expect(events.map((e) => [e.type, (e.data as { status: string }).status])).toEqual([
      ["payment.processing", "processing"],
      ["payment.succeeded", "succeeded"],
    ]);
    expect(new Set(events.map((e) => (e.data as { payment_id: string }).payment_id)).size).toBe(1);
  });

  it("sends payment.cancelled when a processing payment is cancelled, and the buyer may pay again", async () => {
    const { receiver, running, sessionId } = await setup();
    const { payment_id } = running.emulator.control.process(sessionId);
    const cancelled = running.emulator.control.settle(payment_id, "cancelled");
    expect(cancelled).toMatchObject({ status: "cancelled", error_code: "PAYMENT_CANCELLED" });
    expect(thrown(() => running.emulator.control.settle(payment_id, "succeeded"))).toMatchObject({
      status: 400,
      code: "PAYMENT_NOT_PROCESSING",
    });
    running.emulator.control.pay(sessionId);
    const types = (await delivered(running, receiver)).map((e) => e.type);
    expect(types).toEqual(["payment.processing", "payment.cancelled", "payment.succeeded"]);
  });

  it("sends refund.failed for a refund the bank refuses, which refunds nothing", async () => {
    const { receiver, running, sessionId } = await setup();
    const { payment_id } = running.emulator.control.pay(sessionId);
    const failed = running.emulator.control.refund(payment_id, 500, "failed");
    expect(failed).toMatchObject({ status: "failed", amount: 500 });
    const payment = await running.client.payments.retrieve(payment_id);
    expect(payment.refund_status ?? null).toBeNull();
    const last = (await delivered(running, receiver)).at(-1)!;
    expect(last).toMatchObject({
      type: "refund.failed",
      data: { payload_type: "Refund", status: "failed" },
    });
    // The whole amount is still refundable.
    expect(running.emulator.control.refund(payment_id).amount).toBe(1999);
  });

  it("sends dispute.challenged and dispute.expired, also through the control API", async () => {
    const { receiver, running, sessionId } = await setup();
    const { payment_id } = running.emulator.control.pay(sessionId);
    running.emulator.control.dispute(payment_id, "opened");
    running.emulator.control.dispute(payment_id, "challenged");
    const expired = await running.control("POST", `payments/${payment_id}/dispute`, {
      status: "expired",
    });
    expect(expired).toMatchObject({ status: 200, json: { dispute_status: "dispute_expired" } });
    const disputes = (await delivered(running, receiver)).filter((e) =>
      e.type.startsWith("dispute."),
    );
    expect(disputes.map((e) => e.type)).toEqual([
      "dispute.opened",
      "dispute.challenged",
      "dispute.expired",
    ]);
    expect((disputes[1]!.data as { dispute_status: string }).dispute_status).toBe(
      "dispute_challenged",
    );
  });

  it("processes and settles through the control API over HTTP", async () => {
    const { running, sessionId } = await setup();
    const started = await running.control("POST", `checkouts/${sessionId}/process`);
    expect(started).toMatchObject({ status: 200, json: { status: "processing" } });
    const id = (started.json as { payment_id: string }).payment_id;
    const refused = await running.control("POST", `payments/${id}/settle`, { status: "paid" });
    expect(refused.status).toBe(422);
    const settled = await running.control("POST", `payments/${id}/settle`, { status: "failed" });
    expect(settled).toMatchObject({ status: 200, json: { status: "failed" } });
  });
});

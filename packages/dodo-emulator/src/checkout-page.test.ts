import type { Payment } from "dodopayments/resources/payments";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { returnUrlFor } from "./http/checkout-page-routes";
import { ebook, startEmulator, type RunningEmulator } from "./testing/fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ running: RunningEmulator; receiver: WebhookReceiver }> {
  const receiver = await startWebhookReceiver();
  cleanups.push(() => receiver.close());
  const running = await startEmulator({ webhookUrl: receiver.url, retryScheduleMs: [0] });
  cleanups.push(() => running.emulator.close());
  return { running, receiver };
}

async function session(
  running: RunningEmulator,
  options: { name?: string; returnUrl?: string | null } = {},
) {
  const product = await ebook(running.client, options.name ?? "Pixel Icons", 1999);
  return running.client.checkoutSessions.create({
    product_cart: [{ product_id: product.product_id, quantity: 2 }],
    customer: { email: "alice@example.com", name: "Alice" },
    billing_address: { country: "DE" },
    return_url:
      options.returnUrl === undefined
        ? "https://shop.example.com/checkout/return?order=ord_9"
        : options.returnUrl,
    metadata: { order_id: "ord_9" },
  });
}

/** Submits a form on the page the way a browser does (no redirect following). */
function submit(checkoutUrl: string, action: "pay" | "decline") {
  return fetch(`${checkoutUrl}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "",
    redirect: "manual",
  });
}

describe("hosted checkout page", () => {
  it("shows the order summary with Pay and Decline forms", async () => {
    const { running } = await setup();
    const { session_id, checkout_url } = await session(running);
    const response = await fetch(checkout_url!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain("Pixel Icons");
    expect(page).toContain("$19.99"); // unit price
    expect(page).toContain("$39.98"); // total
    expect(page).toContain("alice@example.com");
    expect(page).toContain("Germany (DE)");
    expect(page).toContain(`<form method="post" action="/checkout/${session_id}/pay">`);
    expect(page).toContain(`<form method="post" action="/checkout/${session_id}/decline">`);
    expect(page).not.toContain("<script");
  });

  it("Pay redirects (303) to return_url with payment_id and status, and sends the webhook", async () => {
    const { running, receiver } = await setup();
    const { checkout_url } = await session(running);
    const response = await submit(checkout_url!, "pay");
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://shop.example.com/checkout/return");
    expect(location.searchParams.get("order")).toBe("ord_9");
    expect(location.searchParams.get("status")).toBe("succeeded");
    const paymentId = location.searchParams.get("payment_id")!;
    expect(paymentId).toMatch(/^pay_/);

    await running.emulator.control.waitForDeliveries();
    expect(receiver.received).toHaveLength(1);
    const event = new Webhook(running.secret).verify(
      receiver.received[0]!.body,
      receiver.signatureHeaders(0),
    ) as { type: string; data: Payment };
    expect(event.type).toBe("payment.succeeded");
    expect(event.data).toMatchObject({ payment_id: paymentId, metadata: { order_id: "ord_9" } });
  });

  it("does not take a second payment for a paid checkout", async () => {
    const { running, receiver } = await setup();
    const { checkout_url } = await session(running);
    expect((await submit(checkout_url!, "pay")).status).toBe(303);

    const again = await submit(checkout_url!, "pay");
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already been paid");
    const declineAfter = await submit(checkout_url!, "decline");
    expect(declineAfter.status).toBe(409);
    const page = await fetch(checkout_url!);
    expect(await page.text()).toContain("already been paid");

    await running.emulator.control.waitForDeliveries();
    expect(receiver.received).toHaveLength(1);
    expect((await running.client.payments.list()).items).toHaveLength(1);
  });

  it("Decline redirects with status=failed, and the customer may try again", async () => {
    const { running } = await setup();
    const { checkout_url, session_id } = await session(running);
    const declined = await submit(checkout_url!, "decline");
    expect(declined.status).toBe(303);
    expect(new URL(declined.headers.get("location")!).searchParams.get("status")).toBe("failed");

    const page = await (await fetch(checkout_url!)).text();
    expect(page).toContain("previous payment attempt was declined");
    expect((await submit(checkout_url!, "pay")).status).toBe(303);
    expect(await running.client.checkoutSessions.retrieve(session_id)).toMatchObject({
      payment_status: "succeeded",
    });
    expect(running.emulator.control.events().map((e) => e.type)).toEqual([
      "payment.failed",
      "payment.succeeded",
    ]);
  });

  it("shows a result page when the session has no return_url", async () => {
    const { running } = await setup();
    const { checkout_url } = await session(running, { returnUrl: null });
    const response = await submit(checkout_url!, "pay");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Payment successful");
  });

  it("escapes everything it shows", async () => {
    const { running } = await setup();
    const { checkout_url } = await session(running, {
      name: `<script>alert(1)</script> & "quotes"`,
    });
    const page = await (await fetch(checkout_url!)).text();
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
  });

  it("answers an unknown session with a 404 page", async () => {
    const { running } = await setup();
    const response = await fetch(`${running.url}/checkout/cks_nope`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Checkout not found");
    expect((await submit(`${running.url}/checkout/cks_nope`, "pay")).status).toBe(404);
  });
});

describe("returnUrlFor", () => {
  const payment = { payment_id: "pay_1", status: "succeeded" } as Payment;

  it("appends to a URL without a query", () => {
    expect(returnUrlFor("https://shop.test/done", payment)).toBe(
      "https://shop.test/done?payment_id=pay_1&status=succeeded",
    );
  });

  it("keeps the URL's own query and fragment exactly", () => {
    expect(returnUrlFor("https://shop.test/done?a=b%20c&x=1#top", payment)).toBe(
      "https://shop.test/done?a=b%20c&x=1&payment_id=pay_1&status=succeeded#top",
    );
    expect(returnUrlFor("https://shop.test/done?", payment)).toBe(
      "https://shop.test/done?payment_id=pay_1&status=succeeded",
    );
  });
});

import { PreconditionFailedError, ServiceUnavailableError, ValidationError } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAccess } from "./access";
import { ingestPaymentEvent } from "./ingest-payment-event";
import { listPaymentEvents } from "./list-payment-events";
import { PaymentRefusedError, type PaymentFact } from "./provider";
import { reprocessPaymentEvent } from "./reprocess-payment-event";
import { requestRefund } from "./request-refund";
import { startCheckout } from "./start-checkout";
import { createTestOrdersEnv, paymentEvent } from "./testing";

// Issue #12: what a real provider reports (local currency, tax on top, refunds without an
// amount, declined attempts before the success) must still end in the right order state.

const PRICE = 1500;
const at = (minute: number) => `2026-11-21T10:${String(minute).padStart(2, "0")}:00.000Z`;

describe.each(testDialects())("provider facts as Dodo reports them, on %s", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestOrdersEnv>;
  let seller: User;
  let buyer: User;
  let staff: User;
  let product: Awaited<ReturnType<typeof createPublishedProduct>>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestOrdersEnv(t);
    seller = (await createTestUser(t.db, { seller: true })).user;
    buyer = (await createTestUser(t.db)).user;
    staff = (await createTestUser(t.db, { staff: true })).user;
    product = await createPublishedProduct(env.catalog, seller.id, {
      title: "Icons",
      price: PRICE,
      content: "the file bytes",
    });
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const checkout = async () =>
    (await startCheckout(env.ctxFor(buyer), { productSlug: product.slug, billingCountry: "DE" }))
      .orderId;
  const ingest = (
    orderId: string,
    fact: PaymentFact,
    options: Parameters<typeof paymentEvent>[2] = {},
  ) => ingestPaymentEvent(env.ctx, paymentEvent(orderId, fact, options));
  const access = () => getAccess(t.db, buyer, { id: product.id, sellerId: seller.id });
  const orderRow = (id: string) =>
    t.db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const succeeded = (amount: number, currency = "USD", settlement?: PaymentFact) =>
    ({
      kind: "payment",
      status: "succeeded",
      amount,
      currency,
      settlement: settlement?.kind === "payment" ? settlement : null,
    }) as const;

  describe("item 1: billing countries", () => {
    it.each(["DD", "UK", "SU", "YU", "XK", "ZZ"])(
      "refuses %s, which Dodo does not know",
      async (country) => {
        await expect(
          startCheckout(env.ctxFor(buyer), { productSlug: product.slug, billingCountry: country }),
        ).rejects.toBeInstanceOf(ValidationError);
        expect(env.provider.checkouts).toHaveLength(0);
      },
    );

    it("takes a country Dodo knows, in any case", async () => {
      await startCheckout(env.ctxFor(buyer), { productSlug: product.slug, billingCountry: " gb " });
      expect(env.provider.checkouts[0]?.billing.country).toBe("GB");
    });
  });

  describe("item 2: a buyer paying in their local currency", () => {
    it("counts when Dodo settles at least the price in the order's currency", async () => {
      const orderId = await checkout();
      await ingest(orderId, {
        ...succeeded(2_600_000, "IDR"),
        settlement: { amount: PRICE, currency: "USD" },
      });
      expect((await orderRow(orderId)).status).toBe("paid");
      expect(await access()).toBe("owner");
    });

    it("does not count when the settlement is below the price or in another currency", async () => {
      const orderId = await checkout();
      await ingest(orderId, {
        ...succeeded(2_600_000, "IDR"),
        settlement: { amount: PRICE - 1, currency: "USD" },
      });
      await ingest(orderId, {
        ...succeeded(2_600_000, "IDR"),
        settlement: { amount: PRICE, currency: "EUR" },
      });
      expect((await orderRow(orderId)).status).toBe("pending");
      expect(await access()).toBe("none");
    });
  });

  describe("item 5: the order's payment id", () => {
    it("is the succeeded payment's, not the declined attempt before it", async () => {
      const orderId = await checkout();
      await ingest(
        orderId,
        { kind: "payment", status: "failed", amount: PRICE, currency: "USD" },
        { paymentId: "pay_declined", occurredAt: at(1) },
      );
      await ingest(orderId, succeeded(PRICE), { paymentId: "pay_paid", occurredAt: at(2) });
      expect((await orderRow(orderId)).provider_payment_id).toBe("pay_paid");
      await requestRefund(env.ctxFor(seller), { orderId, reason: "The buyer asked" });
      expect(env.provider.refunds).toEqual([
        { paymentId: "pay_paid", amount: undefined, reason: "The buyer asked" },
      ]);
    });
  });

  describe("item 6: refunds judged by Dodo's is_partial and the amount actually paid", () => {
    it("accepts a refund without an amount; Dodo's is_partial: false revokes", async () => {
      const orderId = await checkout();
      await ingest(orderId, succeeded(PRICE), { occurredAt: at(1) });
      const refund = { kind: "refund", refundId: "ref_1", status: "succeeded" } as const;
      expect(
        await ingest(orderId, { ...refund, amount: null, isPartial: false }, { occurredAt: at(2) }),
      ).toMatchObject({ outcome: "processed" });
      expect(await orderRow(orderId)).toMatchObject({
        status: "refunded",
        refunded_amount: PRICE,
      });
      expect(await access()).toBe("revoked");
    });

    it("keeps access after a partial refund of the pre-tax price when tax was charged on top", async () => {
      const orderId = await checkout();
      const withTax = PRICE + 285; // 19 % VAT, tax-exclusive pricing
      await ingest(orderId, succeeded(withTax), { occurredAt: at(1) });
      await ingest(
        orderId,
        { kind: "refund", refundId: "ref_1", status: "succeeded", amount: PRICE, isPartial: true },
        { occurredAt: at(2) },
      );
      const row = await orderRow(orderId);
      expect(row.status).toBe("partially_refunded");
      expect(row.refunded_amount).toBeLessThan(PRICE);
      expect(await access()).toBe("owner");
      // The rest of what was paid makes it full, whatever is_partial said of each part.
      await ingest(
        orderId,
        { kind: "refund", refundId: "ref_2", status: "succeeded", amount: 285, isPartial: true },
        { occurredAt: at(3) },
      );
      expect(await orderRow(orderId)).toMatchObject({ status: "refunded", refunded_amount: PRICE });
      expect(await access()).toBe("revoked");
    });

    it("keeps access after a partial refund reported without an amount", async () => {
      const orderId = await checkout();
      await ingest(orderId, succeeded(PRICE), { occurredAt: at(1) });
      await ingest(
        orderId,
        { kind: "refund", refundId: "ref_1", status: "succeeded", amount: null, isPartial: true },
        { occurredAt: at(2) },
      );
      expect((await orderRow(orderId)).status).toBe("partially_refunded");
      expect(await access()).toBe("owner");
    });
  });

  describe("item 7: the provider's refusals", () => {
    it("shows a permanent refusal as such, and only a transient one as 'try again'", async () => {
      const orderId = await checkout();
      await ingest(orderId, succeeded(PRICE));
      env.provider.failNextRefund = new PaymentRefusedError("the refund window has closed");
      const refused = requestRefund(env.ctxFor(seller), { orderId, reason: "The buyer asked" });
      await expect(refused).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(refused).rejects.toThrow(/refund window has closed/);
      env.provider.failNextRefund = new Error("connection reset");
      await expect(
        requestRefund(env.ctxFor(seller), { orderId, reason: "The buyer asked" }),
      ).rejects.toBeInstanceOf(ServiceUnavailableError);
    });
  });

  describe("item 10: a signed event this code cannot read", () => {
    it("is stored flagged with its raw body, and applied once re-processing can read it", async () => {
      const orderId = await checkout();
      // What a later version of the adapter reads out of the same bytes (TestPaymentProvider
      // re-parses a raw body as the normalised event it holds).
      const rawBody = JSON.stringify(paymentEvent(orderId, succeeded(PRICE), { eventId: "msg_x" }));
      const unreadable = {
        ...paymentEvent(null, { kind: "unparseable", reason: "malformed at data.total_amount" }),
        eventId: "msg_x",
        rawBody,
      };
      expect(await ingestPaymentEvent(env.ctx, unreadable)).toMatchObject({ outcome: "failed" });
      const [logged] = await listPaymentEvents(env.ctxFor(staff));
      expect(logged).toMatchObject({ outcome: "failed", orderId: null });
      expect(logged!.error).toMatch(/^unparseable: malformed at data.total_amount/);
      expect((await orderRow(orderId)).status).toBe("pending");

      expect(await reprocessPaymentEvent(env.ctxFor(staff), { id: logged!.id })).toBe("processed");
      expect((await orderRow(orderId)).status).toBe("paid");
      expect(await access()).toBe("owner");
      const [after] = await listPaymentEvents(env.ctxFor(staff));
      expect(after).toMatchObject({ outcome: "processed", orderId, type: "payment.succeeded" });
    });

    it("is never applied when it is for another business", async () => {
      const orderId = await checkout();
      const foreign = { ...paymentEvent(orderId, { kind: "ignored", reason: "business bus_x" }) };
      expect(await ingestPaymentEvent(env.ctx, foreign)).toMatchObject({ outcome: "unmatched" });
      const [logged] = await listPaymentEvents(env.ctxFor(staff));
      expect(logged).toMatchObject({ outcome: "unmatched", orderId: null });
      expect(await reprocessPaymentEvent(env.ctxFor(staff), { id: logged!.id })).toBe("unmatched");
      expect((await orderRow(orderId)).status).toBe("pending");
    });
  });
});

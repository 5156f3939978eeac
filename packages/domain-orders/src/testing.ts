import { ANONYMOUS, SYSTEM, newId, userActor, type ActorRoles } from "@digistore/core";
import type { Db } from "@digistore/db";
import { DEFAULT_CATALOG_LIMITS } from "@digistore/domain-catalog";
import { createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { RecordingOutbox } from "@digistore/db/testing";
import type { OrderEmail, OrderEmailQueue, OrdersContext } from "./ports";
import type { CheckoutRequest, PaymentEvent, PaymentFact, PaymentProvider } from "./provider";

export { createTestOrder, type TestOrderOptions } from "./test-order";

/**
 * An in-memory provider for domain tests: checkouts are recorded and events are built by
 * hand. The real adapter (payments-dodo against the emulator) is tested end to end elsewhere.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = "test";
  readonly checkouts: CheckoutRequest[] = [];
  readonly refunds: {
    paymentId: string;
    amount?: number | undefined;
    reason?: string | undefined;
  }[] = [];
  /** As Dodo's: refunds up to 30 days after the payment. */
  readonly refundWindowMs = 30 * 24 * 60 * 60 * 1000;
  failNextCheckout = false;

  createCheckout(input: CheckoutRequest) {
    if (this.failNextCheckout) {
      this.failNextCheckout = false;
      return Promise.reject(new Error("provider down"));
    }
    this.checkouts.push(input);
    return Promise.resolve({
      redirectUrl: `https://pay.test/checkout/${input.orderId}`,
      checkoutId: `cks_${input.orderId}`,
    });
  }

  verifyAndParse(rawBody: string): Promise<PaymentEvent> {
    return Promise.resolve(JSON.parse(rawBody) as PaymentEvent);
  }

  /** Set to make the next refund fail: a PaymentRefusedError is a permanent refusal. */
  failNextRefund: Error | null = null;

  refund(paymentId: string, amount: number | undefined, _orderId: string, reason?: string) {
    const failure = this.failNextRefund;
    this.failNextRefund = null;
    if (failure) return Promise.reject(failure);
    this.refunds.push({ paymentId, amount, ...(reason ? { reason } : {}) });
    return Promise.resolve();
  }

  /** Stored events here are the normalised event itself, as JSON. */
  reparse(stored: { eventId: string; rawBody: string }): Promise<PaymentEvent> {
    return this.verifyAndParse(stored.rawBody);
  }

  checkoutStatus() {
    return Promise.resolve("unknown" as const);
  }
}

/** The order emails a domain test queued, kept only if their transaction committed. */
class RecordingOrderEmails extends RecordingOutbox<OrderEmail> implements OrderEmailQueue {}

export type TestOrdersEnv = ReturnType<typeof createTestOrdersEnv>;

/**
 * An orders context over a test database: the test provider, recording order emails and temp
 * storage. `ctx` acts as the store itself (SYSTEM: webhooks, housekeeping); `ctxFor(person)`
 * is the same context acting for that person (null: anonymous).
 */
export function createTestOrdersEnv(
  db: Db,
  clock?: ReturnType<typeof createTestCatalogDeps>["clock"],
) {
  const catalog = createTestCatalogDeps(db, clock ? { clock } : {});
  const provider = new TestPaymentProvider();
  const emails = new RecordingOrderEmails(db.db);
  const ctx: OrdersContext = {
    db: db.db,
    dialect: db.dialect,
    clock: catalog.clock,
    actor: SYSTEM,
    payments: provider,
    emails,
    storage: catalog.storage,
    publicUrl: "http://store.test",
    downloadSecret: "test-download-secret",
    orderHooks: [],
    catalogLimits: DEFAULT_CATALOG_LIMITS,
  };
  const ctxFor = (
    person: { readonly id: string; readonly roles: ActorRoles } | null,
  ): OrdersContext => ({ ...ctx, actor: person ? userActor(person) : ANONYMOUS });
  return { ctx, ctxFor, provider, emails, catalog, cleanup: catalog.cleanup };
}

/** A provider event about `orderId`, as an adapter would normalise it. */
export function paymentEvent(
  orderId: string | null,
  fact: PaymentFact,
  options: { eventId?: string; occurredAt?: string; paymentId?: string } = {},
): PaymentEvent {
  return {
    eventId: options.eventId ?? `evt_${newId()}`,
    type: fact.kind === "other" ? "other" : `${fact.kind}.${"status" in fact ? fact.status : ""}`,
    occurredAt: options.occurredAt ?? new Date().toISOString(),
    orderId,
    paymentId: options.paymentId ?? (orderId ? `pay_${orderId}` : null),
    fact,
    raw: {},
  };
}

import { DAY, HOUR, MINUTE, ManualClock, SYSTEM, seededRandom, userActor } from "@digistore/core";
import type { Db } from "@digistore/db";
import { ingestPaymentEvent, startCheckout, type PaymentProvider } from "@digistore/domain-orders";
import { createSalesOrderHook } from "@digistore/domain-sales";
import { createUser, type User } from "@digistore/domain-users";
import { randomBytes } from "node:crypto";

const BUYER_NAMES = [
  "Ada Park",
  "Ben Okafor",
  "Chloé Martin",
  "Dev Patel",
  "Elif Kaya",
  "Farah Haddad",
  "Gus Lindqvist",
  "Hana Sato",
  "Ivo Novak",
  "Jo Rivera",
];
const DAYS = 30;

/**
 * The demo's past: a month of checkouts by made-up buyers, paid (and a few refunded) through
 * the real checkout and webhook pipeline, so the seller dashboard, the library and the
 * customers' pages show a store in use. The "provider" only opens checkouts: its events are
 * written here, like webhooks that arrived. No mail is sent for the past.
 */
export async function seedDemoSales(
  deps: Pick<Db, "db" | "dialect"> & { readonly publicUrl: string },
  now: Date,
  productSlugs: readonly string[],
  /** The demo's customer account, who gets one purchase of their own. */
  customer: User | null,
): Promise<{ orders: number; buyers: number }> {
  const clock = new ManualClock(now.getTime() - DAYS * DAY);
  let checkouts = 0;
  const payments: PaymentProvider = {
    name: "demo",
    createCheckout: () =>
      Promise.resolve({ redirectUrl: deps.publicUrl, checkoutId: `cks_demo_${++checkouts}` }),
    verifyAndParse: () => Promise.reject(new Error("the demo's history receives no webhooks")),
    refund: () => Promise.reject(new Error("the demo's history refunds through events")),
    reparse: () => Promise.reject(new Error("the demo's history stores no raw bodies")),
    checkoutStatus: () => Promise.resolve("unknown"),
  };
  const ctx = {
    ...deps,
    clock,
    actor: SYSTEM,
    payments,
    emails: { queue: () => Promise.resolve() },
    orderHooks: [createSalesOrderHook({ dialect: deps.dialect })],
  };
  /** Checks out as `buyer` at `at` and pays what the order asks three minutes later. */
  const buy = async (buyer: User, productSlug: string, at: number) => {
    clock.set(at);
    const { orderId } = await startCheckout(
      { ...ctx, actor: userActor(buyer) },
      { productSlug, billingCountry: "DE" },
    );
    const order = await deps.db
      .selectFrom("orders")
      .select(["amount", "currency"])
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    await event(orderId, at + 3 * MINUTE, { kind: "payment", status: "succeeded", ...order });
    return orderId;
  };
  const buyers: User[] = [];
  for (const [i, displayName] of BUYER_NAMES.entries()) {
    const user = await createUser(
      { ...ctx, actor: SYSTEM },
      {
        email: `buyer-${i + 1}@demo.digistore.test`,
        // Nobody signs in as them: a password no one knows.
        password: randomBytes(24).toString("hex"),
        displayName,
        verified: true,
      },
    );
    buyers.push(user);
  }

  const random = seededRandom(20261204);
  const owned = new Set<string>();
  let events = 0;
  let orders = 0;
  function event(
    orderId: string,
    at: number,
    fact:
      | { kind: "payment"; status: "succeeded"; amount: number; currency: string }
      | { kind: "refund"; refundId: string; status: "succeeded"; amount: null; isPartial: false },
  ) {
    clock.set(at);
    return ingestPaymentEvent(ctx, {
      eventId: `evt_demo_${++events}`,
      type: `${fact.kind}.succeeded`,
      occurredAt: new Date(at).toISOString(),
      orderId,
      paymentId: `pay_demo_${orderId}`,
      fact,
      raw: {},
    });
  }
  for (let day = DAYS - 1; day >= 0; day--) {
    // A quiet start and a busier last fortnight, as a launch goes.
    const sales = Math.floor(random() * (day < 14 ? 4 : 2.5));
    for (let s = 0; s < sales; s++) {
      const buyer = buyers[Math.floor(random() * buyers.length)]!;
      const slug = productSlugs[Math.floor(random() * productSlugs.length)]!;
      const key = `${buyer.id}|${slug}`;
      if (owned.has(key)) continue;
      owned.add(key);
      const at = now.getTime() - day * DAY - Math.floor(random() * 20) * HOUR - 30 * MINUTE;
      const orderId = await buy(buyer, slug, at);
      orders++;
      // About one sale in eight is refunded a day later (if that day has come).
      if (random() < 0.125 && at + DAY < now.getTime()) {
        await event(orderId, at + DAY, {
          kind: "refund",
          refundId: `ref_demo_${orderId}`,
          status: "succeeded",
          amount: null,
          isPartial: false,
        });
      }
    }
  }
  // The demo customer owns the first product, bought five days ago: their library has a file.
  if (customer && productSlugs[0]) {
    await buy(customer, productSlugs[0], now.getTime() - 5 * DAY);
    orders++;
  }
  return { orders, buyers: BUYER_NAMES.length };
}

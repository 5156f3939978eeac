import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import type { User } from "@digistore/domain-users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  getAccess,
  ingestPaymentEvent,
  startCheckout,
  type PaymentFact,
} from "@digistore/domain-orders";
import { createTestOrdersEnv, paymentEvent } from "@digistore/domain-orders/testing";

const PRICE = 1500;

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

type Step = { order: "A" | "B"; fact: PaymentFact; at: string };

const paid = (order: "A" | "B", at: string): Step => ({
  order,
  at,
  fact: { kind: "payment", status: "succeeded", amount: PRICE, currency: "USD" },
});
const refunded = (order: "A" | "B", at: string): Step => ({
  order,
  at,
  fact: { kind: "refund", refundId: `re_${order}`, status: "succeeded", amount: PRICE },
});
const dispute = (order: "A" | "B", status: "opened" | "lost" | "won", at: string): Step => ({
  order,
  at,
  fact: { kind: "dispute", disputeId: `dp_${order}`, status },
});

// Each scenario: the events of two paid orders of one customer for one product, and the access
// that the *set* of orders implies. Every arrival order must end there.
const SCENARIOS: { name: string; steps: Step[]; expected: string; holder?: "A" | "B" }[] = [
  {
    name: "both paid, A refunded",
    steps: [paid("A", "t1"), paid("B", "t2"), refunded("A", "t3")],
    expected: "owner",
    holder: "B",
  },
  {
    name: "both paid, B refunded",
    steps: [paid("A", "t1"), paid("B", "t2"), refunded("B", "t3")],
    expected: "owner",
    holder: "A",
  },
  {
    name: "both paid, both refunded",
    steps: [paid("A", "t1"), paid("B", "t2"), refunded("A", "t3"), refunded("B", "t4")],
    expected: "revoked",
  },
  {
    name: "both paid, A disputed (open)",
    steps: [paid("A", "t1"), paid("B", "t2"), dispute("A", "opened", "t3")],
    expected: "owner",
    holder: "B",
  },
  {
    name: "A paid and lost a dispute, B paid",
    steps: [
      paid("A", "t1"),
      dispute("A", "opened", "t2"),
      dispute("A", "lost", "t3"),
      paid("B", "t4"),
    ],
    expected: "owner",
    holder: "B",
  },
  {
    name: "A refunded, B under open dispute",
    steps: [paid("A", "t1"), paid("B", "t2"), refunded("A", "t3"), dispute("B", "opened", "t4")],
    expected: "suspended",
    holder: "B",
  },
];

describe.each(testDialects())("access from the set of a customer's orders on %s", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestOrdersEnv>;
  let seller: User;
  let product: Awaited<ReturnType<typeof createPublishedProduct>>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestOrdersEnv(t);
    seller = (await createTestUser(t.db, { seller: true })).user;
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

  const time = (label: string) =>
    new Date(Date.UTC(2026, 10, 1, 12, 0, Number(label.slice(1)))).toISOString();

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: every arrival order ends ${scenario.expected}`, async () => {
      for (const sequence of permutations(scenario.steps)) {
        const buyer = (await createTestUser(t.db)).user;
        const orders = {
          A: (
            await startCheckout(env.ctxFor(buyer), {
              productSlug: product.slug,
              billingCountry: "de",
            })
          ).orderId,
          B: (
            await startCheckout(env.ctxFor(buyer), {
              productSlug: product.slug,
              billingCountry: "de",
            })
          ).orderId,
        };
        for (const step of sequence) {
          const orderId = orders[step.order];
          const fact =
            step.fact.kind === "payment"
              ? step.fact
              : {
                  ...step.fact,
                  [step.fact.kind === "refund" ? "refundId" : "disputeId"]:
                    `${orderId}_${step.order}`,
                };
          await ingestPaymentEvent(
            env.ctx,
            paymentEvent(orderId, fact, { occurredAt: time(step.at) }),
          );
        }
        const label = sequence.map((s) => `${s.order}:${s.fact.kind}`).join(" → ");
        expect(await getAccess(t.db, buyer, { id: product.id, sellerId: seller.id }), label).toBe(
          scenario.expected,
        );
        const grant = await t.db
          .selectFrom("purchased_products")
          .selectAll()
          .where("user_id", "=", buyer.id)
          .executeTakeFirstOrThrow();
        if (scenario.holder) expect(grant.order_id, label).toBe(orders[scenario.holder]);
      }
    });
  }

  it("converges when two orders' events are applied at the same moment", async () => {
    for (let round = 0; round < 8; round++) {
      const buyer = (await createTestUser(t.db)).user;
      const order = async () =>
        (
          await startCheckout(env.ctxFor(buyer), {
            productSlug: product.slug,
            billingCountry: "de",
          })
        ).orderId;
      const [a, b] = [await order(), await order()];
      const event = (orderId: string, fact: PaymentFact, at: string) =>
        ingestPaymentEvent(env.ctx, paymentEvent(orderId, fact, { occurredAt: time(at) }));
      await event(a, paid("A", "t1").fact, "t1");
      // A's refund and B's payment race: each transaction sees the other's order mid-change.
      await Promise.all([
        event(a, { ...refunded("A", "t3").fact, refundId: `re_${a}` } as PaymentFact, "t3"),
        event(b, paid("B", "t2").fact, "t2"),
      ]);
      expect(
        await getAccess(t.db, buyer, { id: product.id, sellerId: seller.id }),
        `round ${round}`,
      ).toBe("owner");
    }
  });
});

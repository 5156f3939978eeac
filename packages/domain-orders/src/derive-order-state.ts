import type { OrderStatus } from "@digistore/db";
import type { ProductAccess } from "./access";
import type { PaymentFact } from "./provider";

export interface DerivedOrderState {
  readonly status: OrderStatus;
  readonly refundedAmount: number;
  readonly paidAt: string | null;
  readonly paymentId: string | null;
  /** What the order grants its buyer (a seller's own access is never an order's). */
  readonly access: Exclude<ProductAccess, "seller">;
  readonly revokeReason: "refunded" | "dispute_lost" | null;
}

export interface RecordedFact {
  readonly occurredAt: string;
  readonly paymentId: string | null;
  readonly fact: PaymentFact;
}

// When two dispute events carry the same time, the settled outcome wins over "opened".
const DISPUTE_RANK = {
  opened: 0,
  challenged: 1,
  won: 2,
  cancelled: 2,
  expired: 2,
  lost: 3,
  accepted: 3,
} as const;
const REFUND_RANK = { pending: 0, failed: 1, succeeded: 2 } as const;

function latestBy<T>(
  items: readonly T[],
  key: (t: T) => string,
  time: (t: T) => string,
  rank: (t: T) => number,
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const item of items) {
    const current = latest.get(key(item));
    if (
      !current ||
      time(item) > time(current) ||
      (time(item) === time(current) && rank(item) > rank(current))
    ) {
      latest.set(key(item), item);
    }
  }
  return latest;
}

type PaymentRecord = RecordedFact & { readonly fact: Extract<PaymentFact, { kind: "payment" }> };
type OrderTerms = { readonly amount: number; readonly currency: string };

/**
 * A success counts when the buyer paid at least the price in the order's currency, or — when
 * they paid in their local currency (adaptive pricing) — when what the provider settles to the
 * seller is at least the price in the order's currency. Never for less than was asked.
 */
export function paysForOrder(order: OrderTerms, fact: PaymentRecord["fact"]): boolean {
  if (fact.status !== "succeeded") return false;
  const covers = (money: { amount: number; currency: string } | null | undefined) =>
    !!money && money.amount >= order.amount && money.currency.toUpperCase() === order.currency;
  return covers(fact) || covers(fact.settlement);
}

/**
 * How much of the order is refunded, in the order's own minor units, and whether that is all
 * of it. The provider's `isPartial` decides when it gives one; otherwise the refunded sum is
 * compared with what was actually paid (tax included, in the currency paid), not the price.
 */
function refundState(
  order: OrderTerms,
  paid: PaymentRecord | undefined,
  refunds: readonly { amount: number | null; isPartial?: boolean | null | undefined }[],
): { refundedAmount: number; full: boolean } {
  if (refunds.length === 0) return { refundedAmount: 0, full: false };
  const paidAmount = paid?.fact.amount ?? order.amount;
  const sum = refunds.reduce((total, r) => total + (r.amount ?? 0), 0);
  // Partial refunds that add up to the whole payment are a full refund too.
  const full =
    sum >= paidAmount ||
    refunds.some((r) => r.isPartial === false || (r.isPartial == null && r.amount === null));
  if (full) return { refundedAmount: order.amount, full };
  // In the order's terms: the share of the payment refunded (tax and currency scale out).
  const share = paidAmount > 0 ? Math.round((sum * order.amount) / paidAmount) : 0;
  return { refundedAmount: Math.min(order.amount - 1, share), full };
}

/**
 * The order's state from every fact recorded for it — never from the previous state plus one
 * event — so a duplicate changes nothing and any arrival order ends in the same state.
 */
export function deriveOrderState(
  order: { readonly amount: number; readonly currency: string; readonly expired: boolean },
  facts: readonly RecordedFact[],
): DerivedOrderState {
  const payments = facts
    .filter((f): f is PaymentRecord => f.fact.kind === "payment")
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const succeeded = payments.filter((f) => paysForOrder(order, f.fact));
  const paid = succeeded[0];
  const failed = payments.some((f) => f.fact.status === "failed");
  const cancelled = payments.some((f) => f.fact.status === "cancelled");

  const refunds = latestBy(
    facts.flatMap((f) =>
      f.fact.kind === "refund" ? [{ ...f.fact, occurredAt: f.occurredAt }] : [],
    ),
    (r) => r.refundId,
    (r) => r.occurredAt,
    (r) => REFUND_RANK[r.status],
  );
  const refundedRefunds = [...refunds.values()].filter((r) => r.status === "succeeded");
  const { refundedAmount, full: fullyRefunded } = refundState(order, paid, refundedRefunds);

  const disputes = [
    ...latestBy(
      facts.flatMap((f) =>
        f.fact.kind === "dispute" ? [{ ...f.fact, occurredAt: f.occurredAt }] : [],
      ),
      (d) => d.disputeId,
      (d) => d.occurredAt,
      (d) => DISPUTE_RANK[d.status],
    ).values(),
  ];
  const disputeLost = disputes.some((d) => d.status === "lost" || d.status === "accepted");
  const disputeOpen = disputes.some((d) => d.status === "opened" || d.status === "challenged");

  // A refund or dispute proves a payment happened even if its success event is still on the way.
  const moneyMoved = succeeded.length > 0 || refunds.size > 0 || disputes.length > 0;
  const partlyRefunded = refundedRefunds.length > 0 && !fullyRefunded;

  const status: OrderStatus = disputeLost
    ? "refunded"
    : disputeOpen
      ? "disputed"
      : moneyMoved && fullyRefunded
        ? "refunded"
        : partlyRefunded
          ? "partially_refunded"
          : succeeded.length > 0
            ? "paid"
            : failed
              ? "failed"
              : cancelled
                ? "cancelled"
                : order.expired
                  ? "expired"
                  : "pending";

  const access: DerivedOrderState["access"] = !moneyMoved
    ? "none"
    : disputeLost || fullyRefunded
      ? "revoked"
      : disputeOpen
        ? "suspended"
        : succeeded.length > 0 || partlyRefunded
          ? "owner"
          : "none";

  return {
    status,
    refundedAmount,
    paidAt: paid?.occurredAt ?? null,
    paymentId: paymentIdOf(facts, payments, paid),
    access,
    revokeReason: access !== "revoked" ? null : disputeLost ? "dispute_lost" : "refunded",
  };
}

/**
 * The payment refunds go to: the one that paid for the order, else any success (even one that
 * did not cover the price: its money is still the buyer's), else what a refund or dispute
 * names, else the latest attempt. Never simply the first event, which may be a declined card.
 */
function paymentIdOf(
  facts: readonly RecordedFact[],
  payments: readonly PaymentRecord[],
  paid: PaymentRecord | undefined,
): string | null {
  const named = (f: RecordedFact | undefined) => f?.paymentId ?? null;
  return (
    named(paid) ??
    named(payments.find((f) => f.fact.status === "succeeded" && f.paymentId)) ??
    named(facts.find((f) => f.fact.kind !== "payment" && f.paymentId)) ??
    named(payments.filter((f) => f.paymentId).at(-1))
  );
}

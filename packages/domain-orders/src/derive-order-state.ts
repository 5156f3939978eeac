import type { OrderStatus } from "@digistore/db";
import type { PaymentFact } from "./provider";

export type AccessState = "none" | "active" | "suspended" | "revoked";

export interface DerivedOrderState {
  readonly status: OrderStatus;
  readonly refundedAmount: number;
  readonly paidAt: string | null;
  readonly paymentId: string | null;
  readonly access: AccessState;
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

/**
 * The order's state from every fact recorded for it — never from the previous state plus one
 * event — so a duplicate changes nothing and any arrival order ends in the same state.
 */
export function deriveOrderState(
  order: { readonly amount: number; readonly currency: string; readonly expired: boolean },
  facts: readonly RecordedFact[],
): DerivedOrderState {
  const payments = facts.filter((f) => f.fact.kind === "payment");
  // A success only counts for the full price in the order's currency: never less than was asked.
  const succeeded = payments
    .filter(
      (f) =>
        f.fact.kind === "payment" &&
        f.fact.status === "succeeded" &&
        f.fact.amount >= order.amount &&
        f.fact.currency.toUpperCase() === order.currency,
    )
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const failed = payments.some((f) => f.fact.kind === "payment" && f.fact.status === "failed");
  const cancelled = payments.some(
    (f) => f.fact.kind === "payment" && f.fact.status === "cancelled",
  );

  const refunds = latestBy(
    facts.flatMap((f) =>
      f.fact.kind === "refund" ? [{ ...f.fact, occurredAt: f.occurredAt }] : [],
    ),
    (r) => r.refundId,
    (r) => r.occurredAt,
    (r) => REFUND_RANK[r.status],
  );
  const refundedAmount = Math.min(
    order.amount,
    [...refunds.values()]
      .filter((r) => r.status === "succeeded")
      .reduce((sum, r) => sum + r.amount, 0),
  );

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
  const fullyRefunded = refundedAmount >= order.amount;

  const status: OrderStatus = disputeLost
    ? "refunded"
    : disputeOpen
      ? "disputed"
      : moneyMoved && fullyRefunded && refundedAmount > 0
        ? "refunded"
        : refundedAmount > 0
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

  const access: AccessState = !moneyMoved
    ? "none"
    : disputeLost || (fullyRefunded && refundedAmount > 0)
      ? "revoked"
      : disputeOpen
        ? "suspended"
        : succeeded.length > 0 || refundedAmount > 0
          ? "active"
          : "none";

  return {
    status,
    refundedAmount,
    paidAt: succeeded[0]?.occurredAt ?? null,
    paymentId: facts.find((f) => f.paymentId)?.paymentId ?? null,
    access,
    revokeReason: access !== "revoked" ? null : disputeLost ? "dispute_lost" : "refunded",
  };
}

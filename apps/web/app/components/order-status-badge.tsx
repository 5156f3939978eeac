const LABELS: Record<string, string> = {
  pending: "Awaiting payment",
  paid: "Paid",
  failed: "Failed",
  cancelled: "Cancelled",
  expired: "Expired",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
  disputed: "Disputed",
};

/** An order's status as people read it; anything but "paid" stands out. */
export function OrderStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${status === "paid" ? "" : "warn"}`}>{LABELS[status] ?? status}</span>
  );
}

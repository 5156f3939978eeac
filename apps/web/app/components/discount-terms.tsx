import { formatMoney, type Money } from "@digistore/core";

interface Terms {
  readonly disabled: boolean;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly maxRedemptions: number | null;
  readonly redemptions: number;
}

/** Where a code stands today, as its seller reads it. */
function discountState(terms: Terms, now = new Date()): { label: string; tone: string } {
  if (terms.disabled) return { label: "stopped", tone: "warn" };
  if (terms.endsAt && new Date(terms.endsAt) <= now) return { label: "ended", tone: "warn" };
  if (terms.startsAt && new Date(terms.startsAt) > now) return { label: "scheduled", tone: "" };
  if (terms.maxRedemptions !== null && terms.redemptions >= terms.maxRedemptions) {
    return { label: "used up", tone: "warn" };
  }
  return { label: "active", tone: "ok" };
}

export function DiscountStateBadge({ terms }: { terms: Terms }) {
  const state = discountState(terms);
  return <span className={`badge ${state.tone}`}>{state.label}</span>;
}

/** Revenue per currency, one line each: amounts in different currencies are never added. */
export function Revenue({ amounts }: { amounts: readonly Money[] }) {
  if (amounts.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {amounts.map((m, i) => (
        <span key={m.currency}>
          {i > 0 ? <br /> : null}
          {formatMoney(m)}
        </span>
      ))}
    </>
  );
}

/** "Dec 1, 2026 – Dec 31, 2026", "from Dec 1, 2026", "always". */
export function validityLabel(terms: Pick<Terms, "startsAt" | "endsAt">): string {
  // An end is the first moment it no longer applies: the last valid day is the one before.
  const day = (iso: string, end = false) =>
    new Date(Date.parse(iso) - (end ? 1 : 0)).toLocaleDateString("en-US", {
      year: "numeric",
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });
  if (terms.startsAt && terms.endsAt) return `${day(terms.startsAt)} – ${day(terms.endsAt, true)}`;
  if (terms.startsAt) return `from ${day(terms.startsAt)}`;
  if (terms.endsAt) return `until ${day(terms.endsAt, true)}`;
  return "always";
}

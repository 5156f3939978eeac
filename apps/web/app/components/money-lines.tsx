import { formatMoney, type Money } from "@digistore/core";

/** Amounts in several currencies, one per line (money never adds up across currencies). */
export function MoneyLines({
  amounts,
  empty = "—",
}: {
  amounts: readonly Money[];
  empty?: string;
}) {
  if (amounts.length === 0) return <>{empty}</>;
  return (
    <>
      {amounts.map((money) => (
        <span key={money.currency} className="money-line">
          {formatMoney(money)}
        </span>
      ))}
    </>
  );
}

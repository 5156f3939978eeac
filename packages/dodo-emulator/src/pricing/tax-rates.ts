/**
 * The emulator's fixed tax rates on digital products, in basis points, by billing country.
 * Real Dodo works them out as merchant of record; these only need to be stable. Countries not
 * listed pay none.
 */
const TAX_RATE_BPS: Readonly<Record<string, number>> = {
  DE: 1900,
  FR: 2000,
  GB: 2000,
  NL: 2100,
  IN: 1800,
  ID: 1100,
  JP: 1000,
  AU: 1000,
};

export function taxRateBps(country: string): number {
  return TAX_RATE_BPS[country] ?? 0;
}

/**
 * What a line costs the buyer and how much of that is tax: a tax-exclusive price gets the tax
 * on top; a tax-inclusive one (Dodo's default) already contains it.
 */
export function withTax(
  net: number,
  rateBps: number,
  taxInclusive: boolean,
): { total: number; tax: number } {
  if (taxInclusive) {
    return { total: net, tax: net - Math.round((net * 10_000) / (10_000 + rateBps)) };
  }
  const tax = Math.round((net * rateBps) / 10_000);
  return { total: net + tax, tax };
}

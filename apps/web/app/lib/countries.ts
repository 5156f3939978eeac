import { PAYMENT_COUNTRIES, type PaymentCountry } from "@digistore/core";

let cached: { code: PaymentCountry; name: string }[] | undefined;

/**
 * The billing countries offered at checkout: exactly the payment provider's list (typed as
 * its `CountryCode`, one entry per country), named in English by the runtime. Deriving it from
 * every two-letter code the runtime can name offered historic ones (DD, SU, UK…) that Dodo
 * refuses.
 */
export function countries(): { code: PaymentCountry; name: string }[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  cached = PAYMENT_COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((x, y) =>
    x.name.localeCompare(y.name),
  );
  return cached;
}

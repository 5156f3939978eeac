import { parseMajorAmount } from "@digistore/core";
import { formString } from "./form-result";

/** A day typed in a date box: the code runs from the start of `starts` to the end of `ends`, UTC. */
function dayBound(text: string, endOfDay: boolean): { at: string | null } | null {
  if (!text) return { at: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const start = Date.parse(`${text}T00:00:00.000Z`);
  if (Number.isNaN(start)) return null;
  return { at: new Date(start + (endOfDay ? 24 * 60 * 60 * 1000 : 0)).toISOString() };
}

function limit(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

/**
 * The new-code form as the API's input. Numbers the person typed are passed on as numbers
 * (or NaN), so the API's own messages say what is wrong with them.
 */
export function readDiscountForm(form: FormData, currencies: readonly string[]) {
  const startsAt = dayBound(formString(form, "startsAt"), false);
  const endsAt = dayBound(formString(form, "endsAt"), true);
  if (!startsAt || !endsAt) return { error: "Use a date like 2026-12-24." };
  const terms = {
    code: formString(form, "code"),
    allProducts: form.get("allProducts") === "on",
    productIds: form.getAll("productIds").filter((id): id is string => typeof id === "string"),
    startsAt: startsAt.at,
    endsAt: endsAt.at,
    maxRedemptions: limit(formString(form, "maxRedemptions")),
    perCustomerLimit: limit(formString(form, "perCustomerLimit")),
  };
  if (formString(form, "kind") === "fixed") {
    const amountsOff = [];
    for (const currency of currencies) {
      const text = formString(form, `amount_${currency}`).trim();
      if (!text) continue;
      const amount = parseMajorAmount(text, currency);
      if (amount === null) return { error: `Type the ${currency} amount like 5 or 4.50.` };
      amountsOff.push({ currency, amount });
    }
    return { input: { ...terms, kind: "fixed" as const, amountsOff } };
  }
  return {
    input: {
      ...terms,
      kind: "percent" as const,
      percentOff: Number(formString(form, "percentOff")),
    },
  };
}

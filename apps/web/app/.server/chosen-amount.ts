import { isCurrency, parseMajorAmount } from "@digistore/core";
import { formString } from "./form-result";

/**
 * The pay-what-you-want amount typed on the checkout page, in minor units of the product's
 * currency; null when the page had no amount box. The API judges the value itself.
 */
export function readChosenAmount(form: FormData): number | null | "invalid" {
  if (!form.has("amount")) return null;
  const currency = formString(form, "currency").toUpperCase();
  if (!isCurrency(currency)) return "invalid";
  return parseMajorAmount(formString(form, "amount"), currency) ?? "invalid";
}

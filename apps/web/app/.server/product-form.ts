import { isCurrency, parseMajorAmount } from "@digistore/core";
import { formString } from "./form-result";

/**
 * Reads the product form. Prices are typed in major units ("12.50") and become minor units
 * here; text the API would refuse is passed through for it to refuse with its own message.
 */
export function readProductForm(form: FormData) {
  const currency = formString(form, "currency").trim().toUpperCase() || "USD";
  const known = isCurrency(currency);
  const priceText = formString(form, "price");
  const supportText = formString(form, "supportPrice").trim();
  const fieldErrors: Record<string, string[]> = {};
  const price = known ? parseMajorAmount(priceText, currency) : 0;
  if (known && price === null) fieldErrors.price = ["Enter a price like 12 or 12.50"];
  let supportPrice: number | null = null;
  if (supportText && known) {
    supportPrice = parseMajorAmount(supportText, currency);
    if (supportPrice === null)
      fieldErrors.supportPrice = ["Enter a support price like 49 or 49.00, or leave it empty"];
  }
  const payWhatYouWant = form.get("payWhatYouWant") === "on";
  const suggestedText = formString(form, "suggestedPrice").trim();
  let suggestedPrice: number | null = null;
  if (payWhatYouWant && suggestedText && known) {
    suggestedPrice = parseMajorAmount(suggestedText, currency);
    if (suggestedPrice === null)
      fieldErrors.suggestedPrice = ["Enter a suggested price like 15 or 15.00, or leave it empty"];
  }
  const slug = formString(form, "slug").trim();
  return {
    fieldErrors,
    input: {
      title: formString(form, "title"),
      ...(slug ? { slug } : {}),
      summary: formString(form, "summary"),
      description: formString(form, "description"),
      price: price ?? 0,
      currency,
      supportPrice,
      categoryId: formString(form, "categoryId") || null,
      payWhatYouWant,
      suggestedPrice,
    },
  };
}

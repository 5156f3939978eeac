import { ZId, ZPaymentCountry } from "@digistore/core";
import { z } from "zod";
import { ZBillingAddress } from "./provider";

/** ISO 3166-1 alpha-2, upper case, and a country the payment provider knows (not DD, SU, UK…). */
export const ZCountry = ZPaymentCountry;

const ZProductSlug = z.string().min(1).max(80);

/**
 * What a buyer types as a discount code: case and surrounding spaces do not matter, and
 * full-width or other compatibility forms read as the plain letters they look like.
 */
export const ZDiscountCodeInput = z
  .string()
  .max(64, "That is not a discount code.")
  .transform((code) => code.normalize("NFKC").trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, "That is not a discount code."));

/** The checkout page: which product is being bought, and the code the buyer applied. */
export const ZCheckoutPreviewInput = z.object({
  productSlug: ZProductSlug,
  discountCode: ZDiscountCodeInput.optional(),
});
export type TCheckoutPreviewInput = z.input<typeof ZCheckoutPreviewInput>;

export const ZStartCheckoutInput = z.object({
  productSlug: ZProductSlug,
  billingCountry: ZCountry,
  billingAddress: ZBillingAddress.optional(),
  /** Pay what you want: what the buyer chose, in minor units (the product decides if it may). */
  amount: z
    .number({ message: "Type the amount you want to pay." })
    // Checked first: past this, a number is no longer an exact whole (and says so wrongly).
    .max(Number.MAX_SAFE_INTEGER, "That amount is too large.")
    .int("Type the amount in whole cents.")
    .positive("Type an amount above zero.")
    .optional(),
  discountCode: ZDiscountCodeInput.optional(),
});
export type TStartCheckoutInput = z.input<typeof ZStartCheckoutInput>;

/** The return page asks about one order. */
export const ZOrderRef = z.object({ orderId: ZId });
export type TOrderRef = z.input<typeof ZOrderRef>;

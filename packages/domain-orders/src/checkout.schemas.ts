import { z } from "zod";
import { ZBillingAddress } from "./provider";

/** ISO 3166-1 alpha-2, upper case. */
export const ZCountry = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Choose your billing country");

export const ZStartCheckoutInput = z.object({
  productSlug: z.string().min(1).max(80),
  billingCountry: ZCountry,
  billingAddress: ZBillingAddress.optional(),
});
export type TStartCheckoutInput = z.input<typeof ZStartCheckoutInput>;

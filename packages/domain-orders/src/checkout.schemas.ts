import { ZPaymentCountry } from "@digistore/core";
import { z } from "zod";
import { ZBillingAddress } from "./provider";

/** ISO 3166-1 alpha-2, upper case, and a country the payment provider knows (not DD, SU, UK…). */
export const ZCountry = ZPaymentCountry;

export const ZStartCheckoutInput = z.object({
  productSlug: z.string().min(1).max(80),
  billingCountry: ZCountry,
  billingAddress: ZBillingAddress.optional(),
});
export type TStartCheckoutInput = z.input<typeof ZStartCheckoutInput>;

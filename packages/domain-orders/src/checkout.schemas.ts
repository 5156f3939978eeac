import { ZId, ZPaymentCountry } from "@digistore/core";
import { z } from "zod";
import { ZBillingAddress } from "./provider";

/** ISO 3166-1 alpha-2, upper case, and a country the payment provider knows (not DD, SU, UK…). */
export const ZCountry = ZPaymentCountry;

const ZProductSlug = z.string().min(1).max(80);

/** The checkout page: which product is being bought. */
export const ZCheckoutPreviewInput = z.object({ productSlug: ZProductSlug });
export type TCheckoutPreviewInput = z.input<typeof ZCheckoutPreviewInput>;

export const ZStartCheckoutInput = z.object({
  productSlug: ZProductSlug,
  billingCountry: ZCountry,
  billingAddress: ZBillingAddress.optional(),
});
export type TStartCheckoutInput = z.input<typeof ZStartCheckoutInput>;

/** The return page asks about one order. */
export const ZOrderRef = z.object({ orderId: ZId });
export type TOrderRef = z.input<typeof ZOrderRef>;

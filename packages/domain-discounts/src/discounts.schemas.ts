import { ZAmount, ZCurrency, ZId } from "@digistore/core";
import { ZDiscountCodeInput } from "@digistore/domain-orders";
import { z } from "zod";

const ZLimit = (what: string) =>
  z
    .number()
    .int(`Use a whole number of ${what}.`)
    .min(1, `Allow at least one ${what.replace(/s$/, "")}, or leave it unlimited.`)
    .max(1_000_000, `At most 1,000,000 ${what}; leave it unlimited for more.`)
    .nullable();

const ZMoment = z.iso.datetime({ message: "Use a date and time (ISO 8601)." }).nullable();

const ZTerms = z.object({
  code: ZDiscountCodeInput,
  /** Every product of the seller, now and later; otherwise `productIds`. */
  allProducts: z.boolean(),
  productIds: z.array(ZId).max(500, "Choose at most 500 products.").default([]),
  startsAt: ZMoment.default(null),
  endsAt: ZMoment.default(null),
  maxRedemptions: ZLimit("uses").default(null),
  perCustomerLimit: ZLimit("uses per customer").default(1),
});

const ZPercentOff = z
  .number({ message: "Type the percentage off." })
  .int("Use a whole percentage.")
  .min(1, "Take at least 1% off.")
  // Never to zero (ADR 0002).
  .max(99, "At most 99% off: nothing in the store is free.");

const ZAmountOff = z.object({
  currency: ZCurrency,
  amount: ZAmount.min(1, "Take at least one cent (or unit) off."),
});

export const ZCreateDiscountInput = z
  .discriminatedUnion("kind", [
    ZTerms.extend({ kind: z.literal("percent"), percentOff: ZPercentOff }),
    ZTerms.extend({
      kind: z.literal("fixed"),
      amountsOff: z
        .array(ZAmountOff)
        .min(1, "Say how much the code takes off, in at least one currency.")
        .max(50)
        .refine(
          (amounts) => new Set(amounts.map((a) => a.currency)).size === amounts.length,
          "Name each currency once.",
        ),
    }),
  ])
  .refine((input) => input.allProducts || input.productIds.length > 0, {
    message: "Choose the products the code is for, or all of them.",
    path: ["productIds"],
  })
  .refine(
    (input) =>
      !input.startsAt || !input.endsAt || Date.parse(input.startsAt) < Date.parse(input.endsAt),
    {
      message: "The code must end after it starts.",
      path: ["endsAt"],
    },
  );
export type TCreateDiscountInput = z.input<typeof ZCreateDiscountInput>;

export const ZDiscountRef = z.object({ discountId: ZId });
export const ZSetDiscountDisabledInput = ZDiscountRef.extend({ disabled: z.boolean() });

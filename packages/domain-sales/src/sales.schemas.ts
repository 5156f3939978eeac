import { refineDayRange, ZDayRangeFields, ZId, ZTimeZone } from "@digistore/core";
import { z } from "zod";

const { from, to, days } = ZDayRangeFields;

/** A dashboard range in the seller's own zone (their profile's), optionally for one product. */
export const ZSellerDashboardInput = z
  .object({
    from,
    to,
    days,
    productId: z.union([z.literal("").transform(() => undefined), ZId]).optional(),
    /** Staff only: whose dashboard; a seller always sees their own. */
    sellerId: ZId.optional(),
  })
  .superRefine(refineDayRange);
export type TSellerDashboardInput = z.input<typeof ZSellerDashboardInput>;

export const ZSetReportingTimezoneInput = z.object({ timezone: ZTimeZone });
export type TSetReportingTimezoneInput = z.input<typeof ZSetReportingTimezoneInput>;

export const ZSetSaleEmailsInput = z.object({
  saleEmails: z.enum(
    ["each", "daily", "off"],
    "Choose an email for each sale, one a day, or none.",
  ),
});
export type TSetSaleEmailsInput = z.input<typeof ZSetSaleEmailsInput>;

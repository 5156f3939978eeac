import { ZId, ZPageInput } from "@digistore/core";
import { z } from "zod";
import { canonicalTimeZone, daysInclusive, isCalendarDate } from "./calendar-days";
import { CUSTOM_SLUG_PATTERN } from "./slug";
import { MAX_TARGET_LENGTH } from "./target-url";

const ZUtmValue = z
  .string()
  .trim()
  .max(200, "UTM values are at most 200 characters.")
  .transform((value) => value || null)
  .nullable()
  .optional();

const ZCustomSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    CUSTOM_SLUG_PATTERN,
    "Use 3 to 64 characters: letters, digits, - and _ (no spaces or other signs).",
  );

const ZExpiresAt = z.iso
  .datetime({ offset: true, message: "Choose a valid expiry date." })
  .transform((value) => new Date(value).toISOString())
  .nullable()
  .optional();

/** Where a link goes: an address, or one of the store's products. */
const ZTargetFields = z.object({
  targetUrl: z
    .string()
    .trim()
    .max(MAX_TARGET_LENGTH, `The address is too long (at most ${MAX_TARGET_LENGTH} characters).`)
    .optional(),
  productId: ZId.nullable().optional(),
  utmSource: ZUtmValue,
  utmMedium: ZUtmValue,
  utmCampaign: ZUtmValue,
  utmTerm: ZUtmValue,
  utmContent: ZUtmValue,
  expiresAt: ZExpiresAt,
});

function oneTarget(input: {
  targetUrl?: string | undefined;
  productId?: string | null | undefined;
}) {
  return Boolean(input.targetUrl) !== Boolean(input.productId);
}
const ONE_TARGET = {
  message: "Enter an address or choose a product (one of the two).",
  path: ["targetUrl"],
};

export const ZCreateShortLinkInput = ZTargetFields.extend({
  slug: z.union([ZCustomSlug, z.literal("").transform(() => undefined)]).optional(),
}).refine(oneTarget, ONE_TARGET);
export type TCreateShortLinkInput = z.input<typeof ZCreateShortLinkInput>;

export const ZUpdateShortLinkInput = ZTargetFields.extend({ linkId: ZId }).refine(
  oneTarget,
  ONE_TARGET,
);
export type TUpdateShortLinkInput = z.input<typeof ZUpdateShortLinkInput>;

export const ZShortLinkRef = z.object({ linkId: ZId });

export const ZSetShortLinkEnabledInput = z.object({ linkId: ZId, enabled: z.boolean() });

export const ZDisableShortLinkAsStaffInput = z.object({
  linkId: ZId,
  reason: z
    .string()
    .trim()
    .min(3, "Say why, in a few words: the owner sees it.")
    .max(500, "Keep the reason under 500 characters."),
});

/** Any spelling people paste: slugs are stored lowercased. */
export const ZFindShortLinkBySlugInput = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter a slug.")
    .max(64, "Slugs are at most 64 characters."),
});

export const ZListShortLinksInput = ZPageInput.default({ limit: 24 });

export const ZRecordOrderAttributionInput = z.object({
  orderId: ZId,
  cookie: z.string().max(200).optional(),
});

/** The longest range analytics answer for: a year, leap day included. */
const MAX_ANALYTICS_DAYS = 366;

/** Why a range cannot be shown (checked again after the verb fills in defaults), or null. */
export function analyticsRangeProblem(
  from: string,
  to: string,
): { field: "from" | "to"; message: string } | null {
  if (from > to)
    return { field: "from", message: "The start date must be on or before the end date." };
  if (daysInclusive(from, to) > MAX_ANALYTICS_DAYS) {
    return { field: "to", message: `Choose at most ${MAX_ANALYTICS_DAYS} days.` };
  }
  return null;
}

// Forms and query strings send "" for a field left empty: that means "the default".
const ZOptionalDate = z
  .union([
    z.literal("").transform(() => undefined),
    z
      .string()
      .trim()
      .refine(isCalendarDate, "Use a real date written YYYY-MM-DD, e.g. 2026-12-01."),
  ])
  .optional();

const ZTimeZone = z
  .string()
  .trim()
  .max(64, "Unknown time zone: use a name such as Europe/Paris or UTC.")
  .transform((value, check) => {
    const zone = value === "" ? "UTC" : canonicalTimeZone(value);
    if (zone) return zone;
    check.addIssue({
      code: "custom",
      message: "Unknown time zone: use a name such as Europe/Paris or UTC.",
    });
    return z.NEVER;
  });

export const ZLinkAnalyticsInput = z
  .object({
    linkId: ZId,
    /** Calendar dates in `timezone`, both included; default: the 30 days ending today. */
    from: ZOptionalDate,
    to: ZOptionalDate,
    /** Without `from`: this many days ending with `to` (7, 30, 90, 365 in the link's page). */
    days: z.coerce
      .number()
      .int("Choose a whole number of days.")
      .min(1, "Choose at least one day.")
      .max(MAX_ANALYTICS_DAYS, `Choose at most ${MAX_ANALYTICS_DAYS} days.`)
      .optional(),
    timezone: ZTimeZone.default("UTC"),
  })
  .superRefine((input, check) => {
    const problem = input.from && input.to && analyticsRangeProblem(input.from, input.to);
    if (problem)
      check.addIssue({ code: "custom", message: problem.message, path: [problem.field] });
  });
export type TLinkAnalyticsInput = z.input<typeof ZLinkAnalyticsInput>;

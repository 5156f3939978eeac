import { refineDayRange, ZDayRangeFields, ZId, ZPageInput } from "@digistore/core";
import { z } from "zod";
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

export const ZLinkAnalyticsInput = z
  .object({ linkId: ZId, ...ZDayRangeFields })
  .superRefine(refineDayRange);
export type TLinkAnalyticsInput = z.input<typeof ZLinkAnalyticsInput>;

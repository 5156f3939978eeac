import { PRODUCT_TITLE_MAX, ZAmount, ZCurrency } from "@digistore/core";
import { z } from "zod";

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Slug must be at least 2 characters")
  .max(80, "Slug must be at most 80 characters")
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "Use lower-case letters, digits and single dashes (e.g. my-icon-pack)",
  );

const ZPrice = ZAmount.refine((amount) => amount > 0, {
  message: "Price must be above zero: every sale goes through payment (see docs/decisions/0002)",
});

const ZSupportPrice = ZAmount.refine((amount) => amount > 0, {
  message: "Support price must be above zero",
}).nullable();

/** Markdown as the seller writes it; the same bound for saving it and for previewing it. */
const ZDescription = z.string().max(20_000, "Description must be at most 20,000 characters");

export const ZProductFields = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the product a title")
    // The payment provider shows it (and "Support: " + it) as the product's name.
    .max(PRODUCT_TITLE_MAX, `Title must be at most ${PRODUCT_TITLE_MAX} characters`),
  slug: ZSlug.optional(),
  summary: z.string().trim().max(280, "Summary must be at most 280 characters").default(""),
  description: ZDescription.default(""),
  price: ZPrice,
  currency: ZCurrency.default("USD"),
  supportPrice: ZSupportPrice.default(null),
  categoryId: z.string().max(64).nullable().default(null),
});

export const ZCreateProductInput = ZProductFields;
export type TCreateProductInput = z.input<typeof ZCreateProductInput>;

export const ZUpdateProductInput = ZProductFields.partial().extend({
  productId: z.string().min(1).max(64),
});
export type TUpdateProductInput = z.input<typeof ZUpdateProductInput>;

/** The product editor's live preview: a description not saved yet. */
export const ZDescriptionPreviewInput = z.object({ markdown: ZDescription });

/** The preview is the HTML the product page shows (renderDescription), nothing else. */
export const ZDescriptionPreview = z.object({ html: z.string() });

export const ZProductStatusInput = z.object({
  productId: z.string().min(1).max(64),
  status: z.enum(["published", "archived"]),
});

export const ZVersionMeta = z.object({
  productId: z.string().min(1).max(64),
  label: z
    .string()
    .trim()
    .min(1, "Give the version a label, e.g. 1.0.0")
    .max(40, "Version label must be at most 40 characters")
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._+-]*$/,
      "Use letters, digits, dots, dashes or plus, e.g. 1.4.0",
    ),
  changelog: z.string().max(10_000, "Changelog must be at most 10,000 characters").default(""),
  fileName: z
    .string()
    .trim()
    .min(1, "The file needs a name")
    .max(200, "File name must be at most 200 characters")
    // Path separators, quotes and control characters never reach a Content-Disposition header.
    .transform((name) =>
      [...name].map((c) => (c.charCodeAt(0) < 0x20 || '\\/"'.includes(c) ? "_" : c)).join(""),
    ),
  contentType: z.string().max(200).default("application/octet-stream"),
});
export type TVersionMeta = z.input<typeof ZVersionMeta>;

export const ZListProductsInput = z.object({
  categorySlug: z.string().max(80).optional(),
  q: z.string().trim().max(100, "Search is limited to 100 characters").optional(),
  sort: z.enum(["newest", "price_asc", "price_desc", "popular"]).default("newest"),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(60).default(24),
  sellerId: z.string().max(64).optional(),
});
export type TListProductsInput = z.input<typeof ZListProductsInput>;

export const ZCategoryInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the category a name")
    .max(60, "Name must be at most 60 characters"),
  slug: ZSlug.optional(),
});

export const ZUpdateCategoryInput = z.object({
  categoryId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(60).optional(),
  hidden: z.boolean().optional(),
});

export const ZReorderCategoriesInput = z.object({
  categoryIds: z.array(z.string().min(1).max(64)).min(1).max(500),
});

import { PRODUCT_TITLE_MAX, ZAmount, ZCurrency, ZId } from "@digistore/core";
import { z } from "zod";

const ZSlug = z
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

const ZSuggestedPrice = ZAmount.nullable();

/** A suggestion below the minimum would start the buyer's amount box at a refusal. */
function checkSuggestedPrice(
  fields: { price?: number | undefined; suggestedPrice?: number | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (
    fields.price !== undefined &&
    fields.suggestedPrice != null &&
    fields.suggestedPrice < fields.price
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["suggestedPrice"],
      message: "The suggested price cannot be below the minimum price.",
    });
  }
}

const ZSupportPrice = ZAmount.refine((amount) => amount > 0, {
  message: "Support price must be above zero",
}).nullable();

/** Markdown as the seller writes it; the same bound for saving it and for previewing it. */
const ZDescription = z.string().max(20_000, "Description must be at most 20,000 characters");

// Without defaults: an edit that leaves a field out leaves it alone (defaults are for creation).
const ZProductFields = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the product a title")
    // The payment provider shows it (and "Support: " + it) as the product's name.
    .max(PRODUCT_TITLE_MAX, `Title must be at most ${PRODUCT_TITLE_MAX} characters`),
  slug: ZSlug.optional(),
  summary: z.string().trim().max(280, "Summary must be at most 280 characters"),
  description: ZDescription,
  price: ZPrice,
  currency: ZCurrency,
  supportPrice: ZSupportPrice,
  categoryId: z.string().max(64).nullable(),
  /** With it on, `price` is the least a buyer may pay (still above zero: ADR 0002). */
  payWhatYouWant: z.boolean(),
  suggestedPrice: ZSuggestedPrice,
});

export const ZCreateProductInput = ZProductFields.extend({
  summary: ZProductFields.shape.summary.default(""),
  description: ZDescription.default(""),
  currency: ZCurrency.default("USD"),
  supportPrice: ZSupportPrice.default(null),
  categoryId: ZProductFields.shape.categoryId.default(null),
  payWhatYouWant: z.boolean().default(false),
  suggestedPrice: ZSuggestedPrice.default(null),
}).superRefine(checkSuggestedPrice);
export type TCreateProductInput = z.input<typeof ZCreateProductInput>;

export const ZUpdateProductInput = ZProductFields.partial().extend({ productId: ZId });
export type TUpdateProductInput = z.input<typeof ZUpdateProductInput>;

/** The product editor's live preview: a description not saved yet. */
export const ZDescriptionPreviewInput = z.object({ markdown: ZDescription });

/** The preview is the HTML the product page shows (renderDescription), nothing else. */
export const ZDescriptionPreview = z.object({ html: z.string() });

export const ZProductStatusInput = z.object({
  productId: ZId,
  status: z.enum(["published", "archived"]),
});

export const ZVersionMeta = z.object({
  productId: ZId,
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

/** One product by id: the seller's edit page. */
export const ZProductIdInput = z.object({ productId: ZId });

export const ZSetProductFeaturedInput = z.object({ productId: ZId, featured: z.boolean() });

/** A declared content type is the uploader's claim and is not read: the bytes decide. */
export const ZProductCoverInput = z.object({ productId: ZId });

/** A cover image's address; anything else is simply not found. */
export const ZProductCoverFile = z.object({
  productId: ZId,
  fileName: z.string().min(1).max(200),
});

/** A product page by its address (any spelling: one that matches nothing is not found). */
export const ZProductPageInput = z.object({ slug: z.string().min(1).max(80) });

export const ZSellerProfileInput = z.object({
  sellerId: ZId,
  cursor: z.string().max(500).optional(),
});

/** Hidden categories are for staff; the storefront lists the visible ones. */
export const ZListCategoriesInput = z
  .object({ includeHidden: z.boolean().default(false) })
  .prefault({});

export const ZCategoryInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the category a name")
    .max(60, "Name must be at most 60 characters"),
  slug: ZSlug.optional(),
});

export const ZUpdateCategoryInput = z.object({
  categoryId: ZId,
  name: z.string().trim().min(1).max(60).optional(),
  hidden: z.boolean().optional(),
});

export const ZReorderCategoriesInput = z.object({
  categoryIds: z.array(ZId).min(1).max(500),
});

// What the public procedures answer (tRPC strips anything else): exactly what the pages read.
// Descriptive on purpose (no refinements), so stored data always fits.

const ZMoneyOutput = z.object({ amount: z.number(), currency: z.string() });

const ZProductCard = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  price: ZMoneyOutput,
  payWhatYouWant: z.boolean(),
  sellerId: z.string(),
  sellerName: z.string(),
  coverUrl: z.string().nullable(),
  updated: z.boolean(),
  publishedAt: z.string().nullable(),
});

export const ZProductCardPage = z.object({
  items: z.array(ZProductCard),
  nextCursor: z.string().nullable(),
});

export const ZHome = z.object({
  featured: z.array(ZProductCard),
  newest: z.array(ZProductCard),
});

const ZCategory = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  position: z.number(),
  hidden: z.boolean(),
});

export const ZCategories = z.array(ZCategory);

const ZProduct = z.object({
  id: z.string(),
  sellerId: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  price: ZMoneyOutput,
  supportPrice: ZMoneyOutput.nullable(),
  payWhatYouWant: z.boolean(),
  suggestedPrice: ZMoneyOutput.nullable(),
  categoryId: z.string().nullable(),
  hasCover: z.boolean(),
  featured: z.boolean(),
  status: z.enum(["draft", "published", "archived"]),
  currentVersionId: z.string().nullable(),
  salesCount: z.number(),
  contentUpdatedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ZProductVersion = z.object({
  id: z.string(),
  productId: z.string(),
  label: z.string(),
  changelog: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  contentType: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});

/** The access answers of orders' getAccess, which the product page's buy/download box reads. */
const ZViewerAccess = z.enum(["owner", "seller", "revoked", "suspended", "none"]);

/** `catalog.product`: the page (getProductPage) and what the viewer may do with it. */
export const ZProductPageView = z.object({
  product: ZProduct,
  descriptionHtml: z.string(),
  coverUrl: z.string().nullable(),
  seller: z.object({ id: z.string(), displayName: z.string() }),
  category: z.object({ slug: z.string(), name: z.string() }).nullable(),
  currentVersion: ZProductVersion.nullable(),
  versions: z.array(ZProductVersion),
  updated: z.boolean(),
  manageable: z.boolean(),
  viewerAccess: ZViewerAccess,
});

export const ZSellerProfile = z.object({
  seller: z.object({ id: z.string(), displayName: z.string(), since: z.string() }),
  products: ZProductCardPage,
});

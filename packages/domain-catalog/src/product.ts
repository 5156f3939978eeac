import { isStaff, type Actor, type Money } from "@digistore/core";
import type { ProductStatus, ProductsTable } from "@digistore/db";

export type { ProductStatus };

export interface Product {
  readonly id: string;
  readonly sellerId: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly price: Money;
  /** Null: no paid support for this product. */
  readonly supportPrice: Money | null;
  /** The buyer chooses the amount: `price` is then the minimum. */
  readonly payWhatYouWant: boolean;
  /** Where the buyer's amount starts when paying what they want (null: the minimum). */
  readonly suggestedPrice: Money | null;
  readonly categoryId: string | null;
  readonly hasCover: boolean;
  readonly featured: boolean;
  readonly status: ProductStatus;
  readonly currentVersionId: string | null;
  readonly salesCount: number;
  readonly contentUpdatedAt: string | null;
  readonly publishedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toProduct(row: ProductsTable): Product {
  return {
    id: row.id,
    sellerId: row.seller_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    description: row.description,
    price: { amount: row.price_amount, currency: row.currency },
    supportPrice:
      row.support_price_amount === null
        ? null
        : { amount: row.support_price_amount, currency: row.currency },
    payWhatYouWant: row.pay_what_you_want === 1,
    suggestedPrice:
      row.pay_what_you_want === 1 && row.suggested_price_amount !== null
        ? { amount: row.suggested_price_amount, currency: row.currency }
        : null,
    categoryId: row.category_id,
    hasCover: row.cover_key !== null,
    featured: row.featured === 1,
    status: row.status,
    currentVersionId: row.current_version_id,
    salesCount: row.sales_count,
    contentUpdatedAt: row.content_updated_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Allowed status moves: once published, a product never goes back to draft (buyers own it). */
const TRANSITIONS: Record<ProductStatus, readonly ProductStatus[]> = {
  draft: ["published"],
  published: ["archived"],
  archived: ["published"],
};

export function canTransition(from: ProductStatus, to: ProductStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const DEFAULT_UPDATED_BADGE_MS = 3 * 24 * 60 * 60 * 1000;

/** The "Updated" badge: a new version replaced an older one less than `windowMs` ago. */
export function isRecentlyUpdated(
  contentUpdatedAt: string | null,
  now: Date,
  windowMs = DEFAULT_UPDATED_BADGE_MS,
): boolean {
  if (!contentUpdatedAt) return false;
  const age = now.getTime() - new Date(contentUpdatedAt).getTime();
  return age >= 0 && age < windowMs;
}

/** Who may see a product that is not on sale: its seller and staff. */
export function canManage(actor: Actor, product: Pick<Product, "sellerId">): boolean {
  return isStaff(actor) || (actor.kind === "user" && actor.userId === product.sellerId);
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

import { NotFoundError, parseInput } from "@digistore/core";
import { getUserById } from "@digistore/domain-users";
import { ZProductPageInput } from "./catalog.schemas";
import { findCategoryRow } from "./categories.repository";
import { coverUrlOf } from "./cover-url";
import { renderDescription } from "./description";
import type { CatalogContext } from "./ports";
import { canManage, toProduct, type Product } from "./product";
import { toProductVersion, type ProductVersion } from "./product-version";
import { findProductRowBySlug } from "./products.repository";
import { showsUpdatedBadge } from "./updated-badge";
import { listVersionRows } from "./versions.repository";

export interface ProductPage {
  readonly product: Product;
  readonly descriptionHtml: string;
  readonly coverUrl: string | null;
  readonly seller: { readonly id: string; readonly displayName: string };
  readonly category: { readonly slug: string; readonly name: string } | null;
  readonly currentVersion: ProductVersion | null;
  /** Newest first: the public changelog. */
  readonly versions: ProductVersion[];
  readonly updated: boolean;
  /** The viewer is this product's seller or staff (sees drafts, cannot buy it). */
  readonly manageable: boolean;
}

/** A product page: anyone for products on sale; drafts and archived only for who manages them. */
export async function getProductPage(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor" | "catalogLimits">,
  rawInput: unknown,
): Promise<ProductPage> {
  const { slug } = parseInput(ZProductPageInput, rawInput);
  const row = await findProductRowBySlug(ctx.db, slug);
  const manageable = row !== undefined && canManage(ctx.actor, { sellerId: row.seller_id });
  if (!row || (row.status !== "published" && !manageable))
    throw new NotFoundError("Product not found.");
  const [seller, category, versionRows] = await Promise.all([
    getUserById(ctx, row.seller_id),
    row.category_id ? findCategoryRow(ctx.db, row.category_id) : Promise.resolve(undefined),
    listVersionRows(ctx.db, row.id),
  ]);
  const versions = versionRows.map(toProductVersion);
  return {
    product: toProduct(row),
    descriptionHtml: renderDescription(row.description),
    coverUrl: coverUrlOf(row.id, row.cover_key),
    seller: { id: seller.id, displayName: seller.displayName },
    category:
      category && category.hidden === 0 ? { slug: category.slug, name: category.name } : null,
    currentVersion: versions.find((v) => v.id === row.current_version_id) ?? null,
    versions,
    updated: showsUpdatedBadge(ctx, row.content_updated_at),
    manageable,
  };
}

import {
  NotFoundError,
  decodeCursor,
  parseInput,
  toPage,
  type Money,
  type Page,
} from "@digistore/core";
import type { ProductsTable } from "@digistore/db";
import { getUserById } from "@digistore/domain-users";
import { ZListProductsInput } from "./catalog.schemas";
import { findCategoryRowBySlug, findCategoryRow } from "./categories.repository";
import { renderDescription } from "./description";
import type { CatalogDeps } from "./ports";
import { coverUrlOf } from "./product-cover";
import {
  canManage,
  isRecentlyUpdated,
  toProduct,
  type CatalogActor,
  type Product,
} from "./product";
import { toProductVersion, type ProductVersion } from "./product-version";
import { findProductRowBySlug } from "./products.repository";
import {
  listFeaturedRows,
  listStorefrontRows,
  searchTokens,
  sortKeyOf,
} from "./storefront.repository";
import { listVersionRows } from "./versions.repository";

/** What a product card in a list needs, and nothing more. */
export interface ProductCard {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly price: Money;
  readonly sellerId: string;
  readonly sellerName: string;
  readonly coverUrl: string | null;
  readonly updated: boolean;
  readonly publishedAt: string | null;
}

function toCard(deps: CatalogDeps, row: ProductsTable & { seller_name: string }): ProductCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    price: { amount: row.price_amount, currency: row.currency },
    sellerId: row.seller_id,
    sellerName: row.seller_name,
    coverUrl: coverUrlOf(row.id, row.cover_key),
    updated: isRecentlyUpdated(
      row.content_updated_at,
      deps.clock.now(),
      deps.limits.updatedBadgeMs,
    ),
    publishedAt: row.published_at,
  };
}

/** The storefront list: category, words, sort and keyset pagination. */
export async function listProducts(
  deps: CatalogDeps,
  rawInput: unknown,
): Promise<Page<ProductCard>> {
  const input = parseInput(ZListProductsInput, rawInput);
  let categoryId: string | undefined;
  if (input.categorySlug) {
    const category = await findCategoryRowBySlug(deps.db, input.categorySlug);
    if (!category || category.hidden === 1) return { items: [], nextCursor: null };
    categoryId = category.id;
  }
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await listStorefrontRows(deps.db, deps.dialect, {
    sort: input.sort,
    categoryId,
    sellerId: input.sellerId,
    searchTokens: searchTokens(input.q),
    after: after ? [after[0] as string | number, String(after[1])] : undefined,
    limit: input.limit,
  });
  const page = toPage(rows, input.limit, (row) => sortKeyOf(input.sort, row));
  return { items: page.items.map((row) => toCard(deps, row)), nextCursor: page.nextCursor };
}

export async function getHome(
  deps: CatalogDeps,
): Promise<{ featured: ProductCard[]; newest: ProductCard[] }> {
  const [featured, newest] = await Promise.all([
    listFeaturedRows(deps.db, 6),
    listStorefrontRows(deps.db, deps.dialect, { sort: "newest", limit: 8 }),
  ]);
  return {
    featured: featured.map((r) => toCard(deps, r)),
    newest: newest.slice(0, 8).map((r) => toCard(deps, r)),
  };
}

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
  deps: CatalogDeps,
  actor: CatalogActor | null,
  slug: string,
): Promise<ProductPage> {
  const row = await findProductRowBySlug(deps.db, slug.slice(0, 80));
  const manageable = row !== undefined && canManage(actor, { sellerId: row.seller_id });
  if (!row || (row.status !== "published" && !manageable))
    throw new NotFoundError("Product not found.");
  const [seller, category, versionRows] = await Promise.all([
    getUserById(deps, row.seller_id),
    row.category_id ? findCategoryRow(deps.db, row.category_id) : Promise.resolve(undefined),
    listVersionRows(deps.db, row.id),
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
    updated: isRecentlyUpdated(
      row.content_updated_at,
      deps.clock.now(),
      deps.limits.updatedBadgeMs,
    ),
    manageable,
  };
}

/** A seller's public page: name and products on sale. Non-sellers do not have one. */
export async function getSellerProfile(
  deps: CatalogDeps,
  sellerId: string,
  rawInput: unknown = {},
): Promise<{
  seller: { id: string; displayName: string; since: string };
  products: Page<ProductCard>;
}> {
  const user = await getUserById(deps, sellerId.slice(0, 64)).catch(() => null);
  if (!user?.roles.seller || user.disabled) throw new NotFoundError("Seller not found.");
  const products = await listProducts(deps, { ...(rawInput as object), sellerId: user.id });
  return {
    seller: { id: user.id, displayName: user.displayName, since: user.createdAt },
    products,
  };
}

import { ForbiddenError, NotFoundError } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import type { CatalogDeps } from "./ports";
import { toProduct, type CatalogActor, type Product } from "./product";
import {
  findProductRow,
  findProductRowBySlug,
  incrementSales,
  updateProductRow,
} from "./products.repository";
import { toProductVersion, type ProductVersion } from "./product-version";
import { findVersionRow, listVersionRows } from "./versions.repository";

/** Staff choose what the home page features. */
export async function setProductFeatured(
  deps: Pick<CatalogDeps, "db" | "clock">,
  actor: CatalogActor,
  input: { productId: string; featured: boolean },
): Promise<Product> {
  if (!actor.staff) throw new ForbiddenError("Only staff choose featured products.");
  const row = await findProductRow(deps.db, input.productId);
  if (!row) throw new NotFoundError("Product not found.");
  const changes = {
    featured: input.featured ? (1 as const) : (0 as const),
    updated_at: deps.clock.now().toISOString(),
  };
  await updateProductRow(deps.db, row.id, changes);
  return toProduct({ ...row, ...changes });
}

/** For orders: a paid sale (or its refund, with -1) moves the "popular" sort. */
export async function recordProductSale(
  db: Kysely<Database>,
  productId: string,
  delta: 1 | -1 = 1,
): Promise<void> {
  await incrementSales(db, productId, delta);
}

/** For orders and downloads: a product as the catalogue holds it, any status. */
export async function getProduct(
  deps: Pick<CatalogDeps, "db">,
  productId: string,
): Promise<Product> {
  const row = await findProductRow(deps.db, productId);
  if (!row) throw new NotFoundError("Product not found.");
  return toProduct(row);
}

/** For downloads: a version and where its file is stored. Access is the caller's decision. */
export async function getVersionFile(
  deps: Pick<CatalogDeps, "db">,
  versionId: string,
): Promise<(ProductVersion & { fileKey: string }) | null> {
  const row = await findVersionRow(deps.db, versionId);
  return row ? { ...toProductVersion(row), fileKey: row.file_key } : null;
}

/** For checkout: a product by its address, any status (the caller decides what may be sold). */
export async function getProductBySlug(
  deps: Pick<CatalogDeps, "db">,
  slug: string,
): Promise<Product> {
  const row = await findProductRowBySlug(deps.db, slug.slice(0, 80));
  if (!row) throw new NotFoundError("Product not found.");
  return toProduct(row);
}

/** Every version of a product, newest first (callers check access first). */
export async function listProductVersions(
  deps: Pick<CatalogDeps, "db">,
  productId: string,
): Promise<ProductVersion[]> {
  return (await listVersionRows(deps.db, productId)).map(toProductVersion);
}

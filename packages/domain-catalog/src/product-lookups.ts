import { NotFoundError } from "@digistore/core";
import type { CatalogContext } from "./ports";
import { toProduct, type Product } from "./product";
import { findProductRow, findProductRowBySlug } from "./products.repository";
import { toProductVersion, type ProductVersion } from "./product-version";
import { findVersionRow, listVersionRows } from "./versions.repository";

// Plain lookups other domains (orders, support) call once they have checked access themselves.

/** For orders and downloads: a product as the catalogue holds it, any status. */
export async function getProduct(
  deps: Pick<CatalogContext, "db">,
  productId: string,
): Promise<Product> {
  const row = await findProductRow(deps.db, productId);
  if (!row) throw new NotFoundError("Product not found.");
  return toProduct(row);
}

/** For downloads: a version and where its file is stored. Access is the caller's decision. */
export async function getVersionFile(
  deps: Pick<CatalogContext, "db">,
  versionId: string,
): Promise<(ProductVersion & { fileKey: string }) | null> {
  const row = await findVersionRow(deps.db, versionId);
  return row ? { ...toProductVersion(row), fileKey: row.file_key } : null;
}

/** For checkout: a product by its address, any status (the caller decides what may be sold). */
export async function getProductBySlug(
  deps: Pick<CatalogContext, "db">,
  slug: string,
): Promise<Product> {
  const row = await findProductRowBySlug(deps.db, slug);
  if (!row) throw new NotFoundError("Product not found.");
  return toProduct(row);
}

/** Every version of a product, newest first (callers check access first). */
export async function listProductVersions(
  deps: Pick<CatalogContext, "db">,
  productId: string,
): Promise<ProductVersion[]> {
  return (await listVersionRows(deps.db, productId)).map(toProductVersion);
}

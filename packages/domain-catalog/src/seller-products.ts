import { ForbiddenError } from "@digistore/core";
import { loadManagedProduct } from "./owned-product";
import type { CatalogDeps } from "./ports";
import { coverUrlOf } from "./product-cover";
import { isRecentlyUpdated, toProduct, type CatalogActor, type Product } from "./product";
import { toProductVersion, type ProductVersion } from "./product-version";
import { listSellerProductRows } from "./products.repository";
import { listVersionRows } from "./versions.repository";

export interface SellerProduct extends Product {
  readonly coverUrl: string | null;
  readonly updated: boolean;
}

/** The seller's own products, every status, newest first. */
export async function listSellerProducts(
  deps: CatalogDeps,
  actor: CatalogActor,
): Promise<SellerProduct[]> {
  if (!actor.seller) throw new ForbiddenError("Only sellers have products.");
  const rows = await listSellerProductRows(deps.db, actor.userId);
  return rows.map((row) => ({
    ...toProduct(row),
    coverUrl: coverUrlOf(row.id, row.cover_key),
    updated: isRecentlyUpdated(
      row.content_updated_at,
      deps.clock.now(),
      deps.limits.updatedBadgeMs,
    ),
  }));
}

/** One product for its edit page, with every version. */
export async function getSellerProduct(
  deps: CatalogDeps,
  actor: CatalogActor,
  productId: string,
): Promise<{ product: SellerProduct; versions: ProductVersion[] }> {
  const row = await loadManagedProduct(deps.db, actor, productId);
  const versions = (await listVersionRows(deps.db, row.id)).map(toProductVersion);
  return {
    product: {
      ...toProduct(row),
      coverUrl: coverUrlOf(row.id, row.cover_key),
      updated: isRecentlyUpdated(
        row.content_updated_at,
        deps.clock.now(),
        deps.limits.updatedBadgeMs,
      ),
    },
    versions,
  };
}

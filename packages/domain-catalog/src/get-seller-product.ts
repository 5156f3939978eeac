import { parseInput } from "@digistore/core";
import { ZProductIdInput } from "./catalog.schemas";
import { loadManagedProduct } from "./load-managed-product";
import type { CatalogContext } from "./ports";
import { toProductVersion, type ProductVersion } from "./product-version";
import { toSellerProduct, type SellerProduct } from "./seller-product";
import { listVersionRows } from "./versions.repository";

/** One product for its edit page, with every version. */
export async function getSellerProduct(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor" | "catalogLimits">,
  rawInput: unknown,
): Promise<{ product: SellerProduct; versions: ProductVersion[] }> {
  const { productId } = parseInput(ZProductIdInput, rawInput);
  const row = await loadManagedProduct(ctx.db, ctx.actor, productId);
  const versions = (await listVersionRows(ctx.db, row.id)).map(toProductVersion);
  return { product: toSellerProduct(ctx, row), versions };
}

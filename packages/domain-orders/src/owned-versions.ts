import { ForbiddenError, NotFoundError } from "@digistore/core";
import { getProduct, listProductVersions, type ProductVersion } from "@digistore/domain-catalog";
import { canAccess } from "./access";
import type { OrdersDeps } from "./ports";

/** Older versions stay downloadable for owners, even once a product is archived. */
export async function listOwnedVersions(
  deps: Pick<OrdersDeps, "db">,
  user: { id: string },
  productId: string,
): Promise<{
  productId: string;
  title: string;
  currentVersionId: string | null;
  versions: ProductVersion[];
}> {
  const product = await getProduct(deps, productId.slice(0, 64)).catch(() => null);
  if (!product) throw new NotFoundError("Product not found.");
  if (!(await canAccess(deps.db, user, product)))
    throw new ForbiddenError("Buy this product to see its files.");
  return {
    productId: product.id,
    title: product.title,
    currentVersionId: product.currentVersionId,
    versions: await listProductVersions(deps, product.id),
  };
}

import { ForbiddenError, NotFoundError, parseInput, requireUser } from "@digistore/core";
import { getProduct, listProductVersions, type ProductVersion } from "@digistore/domain-catalog";
import { canAccess } from "./access";
import { ZLibraryProductRef } from "./orders.schemas";
import type { OrdersContext } from "./ports";

/** Older versions stay downloadable for owners, even once a product is archived. */
export async function listOwnedVersions(
  ctx: Pick<OrdersContext, "db" | "actor">,
  rawInput: unknown,
): Promise<{
  productId: string;
  title: string;
  currentVersionId: string | null;
  versions: ProductVersion[];
}> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZLibraryProductRef, rawInput);
  const product = await getProduct(ctx, input.productId).catch(() => null);
  if (!product) throw new NotFoundError("Product not found.");
  if (!(await canAccess(ctx.db, { id: userId }, product)))
    throw new ForbiddenError("Buy this product to see its files.");
  return {
    productId: product.id,
    title: product.title,
    currentVersionId: product.currentVersionId,
    versions: await listProductVersions(ctx, product.id),
  };
}

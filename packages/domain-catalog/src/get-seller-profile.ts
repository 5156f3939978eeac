import { NotFoundError, parseInput, type Page } from "@digistore/core";
import { getUserById } from "@digistore/domain-users";
import { ZSellerProfileInput } from "./catalog.schemas";
import { listProducts } from "./list-products";
import type { CatalogContext } from "./ports";
import type { ProductCard } from "./product-card";

/** A seller's public page: name and products on sale. Non-sellers do not have one. */
export async function getSellerProfile(
  ctx: Pick<CatalogContext, "db" | "dialect" | "clock" | "catalogLimits">,
  rawInput: unknown,
): Promise<{
  seller: { id: string; displayName: string; since: string };
  products: Page<ProductCard>;
}> {
  const { sellerId, cursor } = parseInput(ZSellerProfileInput, rawInput);
  const user = await getUserById(ctx, sellerId).catch(() => null);
  if (!user?.roles.seller || user.disabled) throw new NotFoundError("Seller not found.");
  const products = await listProducts(ctx, { cursor, sellerId: user.id });
  return {
    seller: { id: user.id, displayName: user.displayName, since: user.createdAt },
    products,
  };
}

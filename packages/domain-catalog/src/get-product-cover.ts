import type { Readable } from "node:stream";
import { ZProductCoverFile } from "./catalog.schemas";
import { IMAGE_TYPE_OF_EXTENSION } from "./image-type";
import type { CatalogContext } from "./ports";
import { canManage } from "./product";
import { findProductRow } from "./products.repository";

/** The cover image to serve: public for products on sale, else only to who manages it. */
export async function getProductCover(
  ctx: Pick<CatalogContext, "db" | "actor" | "storage">,
  rawInput: unknown,
): Promise<{ body: Readable; size: number; contentType: string } | null> {
  // An address that cannot be a cover's is not found, like any other unknown file.
  const parsed = ZProductCoverFile.safeParse(rawInput);
  if (!parsed.success) return null;
  const { productId, fileName } = parsed.data;
  const product = await findProductRow(ctx.db, productId);
  if (!product?.cover_key || product.cover_key.split("/").at(-1) !== fileName) return null;
  if (product.status !== "published" && !canManage(ctx.actor, { sellerId: product.seller_id }))
    return null;
  const object = await ctx.storage.get(product.cover_key);
  if (!object) return null;
  const contentType =
    IMAGE_TYPE_OF_EXTENSION[product.cover_key.split(".").at(-1) ?? ""] ??
    "application/octet-stream";
  return { ...object, contentType };
}

import { ValidationError, newId } from "@digistore/core";
import type { Readable } from "node:stream";
import { loadManagedProduct } from "./owned-product";
import type { CatalogDeps } from "./ports";
import { canManage, type CatalogActor } from "./product";
import { findProductRow, updateProductRow } from "./products.repository";
import { storeUpload } from "./stored-upload";

/** Covers are shown inline, so only raster formats browsers cannot run scripts from. */
const COVER_TYPES: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};
const TYPE_OF_EXTENSION = Object.fromEntries(
  Object.entries(COVER_TYPES).map(([type, ext]) => [ext, type]),
);

export async function setProductCover(
  deps: CatalogDeps,
  actor: CatalogActor,
  input: { productId: string; contentType: string },
  body: Readable,
): Promise<{ coverUrl: string }> {
  const product = await loadManagedProduct(deps.db, actor, input.productId);
  const extension = COVER_TYPES[input.contentType.toLowerCase()];
  if (!extension) {
    body.resume();
    throw new ValidationError("Use a PNG, JPEG or WebP image for the cover.", {
      cover: ["Use a PNG, JPEG or WebP image."],
    });
  }
  const key = `covers/${product.id}/${newId()}.${extension}`;
  await storeUpload(deps.storage, key, body, deps.limits.maxCoverBytes);
  await updateProductRow(deps.db, product.id, {
    cover_key: key,
    updated_at: deps.clock.now().toISOString(),
  });
  if (product.cover_key) await deps.storage.delete(product.cover_key);
  return { coverUrl: coverUrlOf(product.id, key)! };
}

/** Cover URLs change with the file, so browsers may cache them forever. */
export function coverUrlOf(productId: string, coverKey: string | null): string | null {
  return coverKey ? `/media/covers/${productId}/${coverKey.split("/").at(-1)}` : null;
}

/** The cover image to serve: public for products on sale, else only to who manages it. */
export async function getProductCover(
  deps: CatalogDeps,
  actor: CatalogActor | null,
  productId: string,
  fileName: string,
): Promise<{ body: Readable; size: number; contentType: string } | null> {
  const product = await findProductRow(deps.db, productId);
  if (!product?.cover_key || product.cover_key.split("/").at(-1) !== fileName) return null;
  if (product.status !== "published" && !canManage(actor, { sellerId: product.seller_id }))
    return null;
  const object = await deps.storage.get(product.cover_key);
  if (!object) return null;
  const contentType =
    TYPE_OF_EXTENSION[product.cover_key.split(".").at(-1) ?? ""] ?? "application/octet-stream";
  return { ...object, contentType };
}

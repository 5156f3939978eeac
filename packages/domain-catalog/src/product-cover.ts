import { ValidationError, newId } from "@digistore/core";
import type { Readable } from "node:stream";
import { loadManagedProduct } from "./owned-product";
import type { CatalogDeps } from "./ports";
import { canManage, type CatalogActor } from "./product";
import { findProductRow, updateProductRow } from "./products.repository";
import { storeUpload } from "./stored-upload";
import { ALLOWED_IMAGES_TEXT, IMAGE_TYPE_OF_EXTENSION, sniffImage } from "./image-type";

export async function setProductCover(
  deps: CatalogDeps,
  actor: CatalogActor,
  // The declared type is the uploader's claim; what is stored and served is decided by the bytes.
  input: { productId: string; contentType?: string },
  upload: Readable,
): Promise<{ coverUrl: string }> {
  const product = await loadManagedProduct(deps.db, actor, input.productId);
  const image = await sniffImage(upload);
  if (!image) {
    throw new ValidationError(`Use ${ALLOWED_IMAGES_TEXT} for the cover.`, {
      cover: [`This file is not ${ALLOWED_IMAGES_TEXT}.`],
    });
  }
  const key = `covers/${product.id}/${newId()}.${image.extension}`;
  await storeUpload(deps.storage, key, image.body, deps.limits.maxCoverBytes);
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
    IMAGE_TYPE_OF_EXTENSION[product.cover_key.split(".").at(-1) ?? ""] ??
    "application/octet-stream";
  return { ...object, contentType };
}

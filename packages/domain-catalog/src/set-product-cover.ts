import { ValidationError, newId, parseInput } from "@digistore/core";
import type { Readable } from "node:stream";
import { ZProductCoverInput } from "./catalog.schemas";
import { coverUrlOf } from "./cover-url";
import { ALLOWED_IMAGES_TEXT, sniffImage } from "./image-type";
import { loadManagedProduct } from "./load-managed-product";
import type { CatalogContext } from "./ports";
import { updateProductRow } from "./products.repository";
import { storeUpload } from "./stored-upload";

/** A new cover for a product its seller (or staff) manages; the old file is removed. */
export async function setProductCover(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor" | "storage" | "catalogLimits">,
  rawInput: unknown,
  upload: Readable,
): Promise<{ coverUrl: string }> {
  const input = parseInput(ZProductCoverInput, rawInput);
  const product = await loadManagedProduct(ctx.db, ctx.actor, input.productId);
  const image = await sniffImage(upload);
  if (!image) {
    throw new ValidationError(`Use ${ALLOWED_IMAGES_TEXT} for the cover.`, {
      cover: [`This file is not ${ALLOWED_IMAGES_TEXT}.`],
    });
  }
  const key = `covers/${product.id}/${newId()}.${image.extension}`;
  await storeUpload(ctx.storage, key, image.body, ctx.catalogLimits.maxCoverBytes);
  await updateProductRow(ctx.db, product.id, {
    cover_key: key,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (product.cover_key) await ctx.storage.delete(product.cover_key);
  return { coverUrl: coverUrlOf(product.id, key)! };
}

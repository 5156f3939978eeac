import { ConflictError, newId, parseInput } from "@digistore/core";
import type { Readable } from "node:stream";
import { ZVersionMeta } from "./catalog.schemas";
import { loadManagedProduct } from "./load-managed-product";
import type { CatalogContext } from "./ports";
import { toProductVersion, type ProductVersion } from "./product-version";
import { updateProductRow } from "./products.repository";
import { storeUpload } from "./stored-upload";
import { insertVersionRow, versionLabelTaken } from "./versions.repository";

/**
 * Streams a new version's file to storage (size and SHA-256 measured on the way) and makes it
 * current. Owners get it at no cost; replacing an earlier version starts the "Updated" badge.
 * Permission and label are checked before a single byte is read.
 */
export async function addProductVersion(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor" | "storage" | "catalogLimits">,
  rawMeta: unknown,
  body: Readable,
): Promise<ProductVersion> {
  const meta = parseInput(ZVersionMeta, rawMeta);
  const product = await loadManagedProduct(ctx.db, ctx.actor, meta.productId);
  if (await versionLabelTaken(ctx.db, product.id, meta.label)) {
    throw new ConflictError(`Version ${meta.label} already exists for this product.`);
  }
  const id = newId();
  const key = `products/${product.id}/versions/${id}`;
  const stored = await storeUpload(ctx.storage, key, body, ctx.catalogLimits.maxUploadBytes);
  const now = ctx.clock.now().toISOString();
  const row = {
    id,
    product_id: product.id,
    label: meta.label,
    changelog: meta.changelog,
    file_key: key,
    file_name: meta.fileName,
    file_size: stored.size,
    content_type: meta.contentType,
    sha256: stored.sha256,
    created_at: now,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertVersionRow(trx, row);
      await updateProductRow(trx, product.id, {
        current_version_id: id,
        updated_at: now,
        ...(product.current_version_id !== null ? { content_updated_at: now } : {}),
      });
    });
  } catch (error) {
    // The label may have been taken by a concurrent upload: keep no orphaned file.
    await ctx.storage.delete(key);
    if (await versionLabelTaken(ctx.db, product.id, meta.label)) {
      throw new ConflictError(`Version ${meta.label} already exists for this product.`);
    }
    throw error;
  }
  return toProductVersion(row);
}

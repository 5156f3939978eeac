import { PreconditionFailedError, parseInput } from "@digistore/core";
import { ZProductStatusInput } from "./catalog.schemas";
import { loadManagedProduct } from "./load-managed-product";
import type { CatalogContext } from "./ports";
import { canTransition, toProduct, type Product } from "./product";
import { updateProductRow } from "./products.repository";

/**
 * Publish (needs a file to sell), archive (off the store, owners keep downloading) or
 * re-publish. Published products never return to draft.
 */
export async function setProductStatus(
  ctx: Pick<CatalogContext, "db" | "clock" | "actor">,
  rawInput: unknown,
): Promise<Product> {
  const input = parseInput(ZProductStatusInput, rawInput);
  const row = await loadManagedProduct(ctx.db, ctx.actor, input.productId);
  if (row.status === input.status) return toProduct(row);
  if (!canTransition(row.status, input.status)) {
    throw new PreconditionFailedError(`A ${row.status} product cannot become ${input.status}.`);
  }
  if (input.status === "published" && row.current_version_id === null) {
    throw new PreconditionFailedError(
      "Upload a first version before publishing: buyers need something to download.",
    );
  }
  const now = ctx.clock.now().toISOString();
  const changes = {
    status: input.status,
    updated_at: now,
    ...(input.status === "published" && row.published_at === null ? { published_at: now } : {}),
  };
  await updateProductRow(ctx.db, row.id, changes);
  return toProduct({ ...row, ...changes });
}

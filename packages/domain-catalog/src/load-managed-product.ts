import { ForbiddenError, NotFoundError, requireUser, type Actor } from "@digistore/core";
import type { Database, ProductsTable } from "@digistore/db";
import type { Kysely } from "kysely";
import { canManage } from "./product";
import { findProductRow } from "./products.repository";

/**
 * The product if this actor may change it. Someone else's product answers NOT_FOUND, so ids
 * cannot be probed; only sellers (or staff) get this far at all.
 */
export async function loadManagedProduct(
  db: Kysely<Database>,
  actor: Actor,
  productId: string,
): Promise<ProductsTable> {
  const user = requireUser(actor);
  if (!user.roles.seller && !user.roles.staff)
    throw new ForbiddenError("Only sellers can manage products.");
  const row = await findProductRow(db, productId);
  if (!row || !canManage(actor, { sellerId: row.seller_id }))
    throw new NotFoundError("Product not found.");
  return row;
}

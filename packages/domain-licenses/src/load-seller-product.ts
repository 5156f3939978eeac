import { NotFoundError, requireUser, type Actor } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { findProductOwner } from "./licenses.repository";

/** The product if this person sells it; anyone else's (or none) answers NOT_FOUND. */
export async function loadSellerProduct(db: Kysely<Database>, actor: Actor, productId: string) {
  const user = requireUser(actor);
  const product = await findProductOwner(db, productId);
  if (!product || product.seller_id !== user.userId) throw new NotFoundError("Product not found.");
  return product;
}

import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { findPurchaseRow } from "./purchases.repository";

/**
 * What this person may do with this product — the one vocabulary for access, from the grant
 * an order derives to the library's rows and the download check: `owner` (an active
 * purchase), `seller` (their own product), `suspended` (dispute open), `revoked` (refunded or
 * dispute lost), `none`.
 */
export type ProductAccess = "owner" | "seller" | "suspended" | "revoked" | "none";

/**
 * The one access check: every download, "Owned" badge and support request asks it, on every
 * request. Sellers always reach their own files.
 */
export async function getAccess(
  db: Kysely<Database>,
  user: { id: string } | null,
  product: { id: string; sellerId: string },
): Promise<ProductAccess> {
  if (!user) return "none";
  if (user.id === product.sellerId) return "seller";
  const grant = await findPurchaseRow(db, user.id, product.id);
  if (!grant) return "none";
  if (grant.revoked_at !== null) return "revoked";
  if (grant.suspended_at !== null) return "suspended";
  return "owner";
}

export async function canAccess(
  db: Kysely<Database>,
  user: { id: string } | null,
  product: { id: string; sellerId: string },
): Promise<boolean> {
  const access = await getAccess(db, user, product);
  return access === "owner" || access === "seller";
}

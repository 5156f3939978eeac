import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { findPurchaseRow } from "./purchases.repository";

export type AccessStatus = "owner" | "seller" | "revoked" | "suspended" | "none";

/**
 * The one access check: every download, "Owned" badge and support request asks it, on every
 * request. Sellers always reach their own files.
 */
export async function getAccess(
  db: Kysely<Database>,
  user: { id: string } | null,
  product: { id: string; sellerId: string },
): Promise<AccessStatus> {
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

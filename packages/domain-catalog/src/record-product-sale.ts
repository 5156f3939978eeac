import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { incrementSales } from "./products.repository";

/** For orders: a paid sale (or its refund, with -1) moves the "popular" sort. */
export async function recordProductSale(
  db: Kysely<Database>,
  productId: string,
  delta: 1 | -1 = 1,
): Promise<void> {
  await incrementSales(db, productId, delta);
}

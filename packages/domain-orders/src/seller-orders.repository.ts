import type { Database, OrderStatus } from "@digistore/db";
import { sql, type Kysely } from "kysely";
import { PAID_ORDER_STATUSES } from "./order";

/** A seller's order filter, resolved: instants instead of local days. */
export interface SellerOrderQuery {
  readonly sellerId: string;
  readonly statuses: readonly OrderStatus[] | null;
  readonly productId: string | null;
  /** ISO instants, `since` included, `until` not. */
  readonly since: string | null;
  readonly until: string | null;
  readonly email: string | null;
  readonly customerId?: string | null;
}

export const DEFAULT_STATUSES = PAID_ORDER_STATUSES;

// LIKE's own wildcards in what a person typed are literal characters.
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A page of a seller's orders, newest first, after the keyset `after` ([created_at, id]):
 * the `orders_seller` index serves the order and the seller, so page N costs what page 1 does.
 */
export function sellerOrderRows(
  db: Kysely<Database>,
  query: SellerOrderQuery,
  after: readonly [string, string] | null,
  limit: number,
) {
  let q = db
    .selectFrom("orders")
    .innerJoin("products", "products.id", "orders.product_id")
    .innerJoin("users", "users.id", "orders.user_id")
    .select([
      "orders.id",
      "orders.created_at",
      "orders.paid_at",
      "orders.kind",
      "orders.status",
      "orders.amount",
      "orders.refunded_amount",
      "orders.currency",
      "orders.billing_country",
      "orders.discount_code",
      "orders.product_id",
      "products.title",
      "users.email",
      "users.display_name",
    ])
    .where("orders.seller_id", "=", query.sellerId);
  if (query.statuses) q = q.where("orders.status", "in", query.statuses);
  if (query.productId) q = q.where("orders.product_id", "=", query.productId);
  if (query.customerId) q = q.where("orders.user_id", "=", query.customerId);
  if (query.since) q = q.where("orders.created_at", ">=", query.since);
  if (query.until) q = q.where("orders.created_at", "<", query.until);
  if (query.email) {
    const pattern = `%${likeLiteral(query.email.toLowerCase())}%`;
    q = q.where(sql<boolean>`users.email like ${pattern} escape '\\'`);
  }
  if (after) {
    const [createdAt, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb("orders.created_at", "<", createdAt),
        eb.and([eb("orders.created_at", "=", createdAt), eb("orders.id", "<", id)]),
      ]),
    );
  }
  return q.orderBy("orders.created_at", "desc").orderBy("orders.id", "desc").limit(limit).execute();
}

/** The zone a seller counts days in. */
export async function sellerZone(db: Kysely<Database>, sellerId: string): Promise<string> {
  const row = await db
    .selectFrom("users")
    .select("timezone")
    .where("id", "=", sellerId)
    .executeTakeFirst();
  return row?.timezone ?? "UTC";
}

export function orderBuyer(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("users")
    .select(["email", "display_name"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

export async function orderProductTitle(db: Kysely<Database>, productId: string): Promise<string> {
  const row = await db
    .selectFrom("products")
    .select("title")
    .where("id", "=", productId)
    .executeTakeFirstOrThrow();
  return row.title;
}

import type {
  Database,
  Dialect,
  DiscountCodeAmountsTable,
  DiscountCodesTable,
  DiscountRedemptionsTable,
  OrderStatus,
} from "@digistore/db";
import { PAID_ORDER_STATUSES } from "@digistore/domain-orders";
import { sql, type Insertable, type Kysely } from "kysely";

/** A use that counts: an order paid at some point, or still pending within its lifetime. */
function countingUse(now: string) {
  return sql<boolean>`(orders.status in (${sql.join(PAID_ORDER_STATUSES)}) or (orders.status = ${"pending" satisfies OrderStatus} and orders.expires_at > ${now}))`;
}

export async function insertDiscount(
  db: Kysely<Database>,
  row: Insertable<DiscountCodesTable>,
  amounts: readonly Insertable<DiscountCodeAmountsTable>[],
  productIds: readonly string[],
): Promise<void> {
  await db.insertInto("discount_codes").values(row).execute();
  if (amounts.length > 0)
    await db
      .insertInto("discount_code_amounts")
      .values([...amounts])
      .execute();
  if (productIds.length > 0) {
    await db
      .insertInto("discount_code_products")
      .values(productIds.map((product_id) => ({ discount_id: row.id, product_id })))
      .execute();
  }
}

export function findDiscountByCode(db: Kysely<Database>, sellerId: string, codeKey: string) {
  return db
    .selectFrom("discount_codes")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .where("code_key", "=", codeKey)
    .executeTakeFirst();
}

export function findDiscountRow(db: Kysely<Database>, id: string) {
  return db.selectFrom("discount_codes").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Holds the code for the rest of the transaction (PostgreSQL; SQLite serialises writers), so
 * concurrent checkouts count its uses one after another.
 */
export function lockDiscountRow(db: Kysely<Database>, dialect: Dialect, id: string) {
  const query = db.selectFrom("discount_codes").selectAll().where("id", "=", id);
  return (dialect === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

export async function listDiscountTerms(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return { amounts: [], products: [] };
  const [amounts, products] = await Promise.all([
    db
      .selectFrom("discount_code_amounts")
      .selectAll()
      .where("discount_id", "in", ids)
      .orderBy("currency")
      .execute(),
    db
      .selectFrom("discount_code_products")
      .innerJoin("products", "products.id", "discount_code_products.product_id")
      .select([
        "discount_code_products.discount_id",
        "products.id",
        "products.slug",
        "products.title",
      ])
      .where("discount_code_products.discount_id", "in", ids)
      .orderBy("products.title")
      .execute(),
  ]);
  return { amounts, products };
}

export function isDiscountProduct(db: Kysely<Database>, discountId: string, productId: string) {
  return db
    .selectFrom("discount_code_products")
    .select("product_id")
    .where("discount_id", "=", discountId)
    .where("product_id", "=", productId)
    .executeTakeFirst();
}

/**
 * The uses that count against the code's limits. A buyer counts once per product, however
 * many checkouts they open for it: only one of them can give them the product.
 */
export async function countUses(
  db: Kysely<Database>,
  use: { discountId: string; buyerId: string; productId: string; now: string },
) {
  const base = db
    .selectFrom("discount_redemptions")
    .innerJoin("orders", "orders.id", "discount_redemptions.order_id")
    .where("discount_redemptions.discount_id", "=", use.discountId)
    .where(countingUse(use.now));
  const [all, buyer] = await Promise.all([
    base
      .select(
        sql<number>`count(distinct discount_redemptions.user_id || ':' || discount_redemptions.product_id)`.as(
          "uses",
        ),
      )
      .executeTakeFirstOrThrow(),
    base
      .select("discount_redemptions.product_id")
      .distinct()
      .where("discount_redemptions.user_id", "=", use.buyerId)
      .execute(),
  ]);
  const buyerProducts = buyer.map((row) => row.product_id);
  return {
    uses: Number(all.uses),
    buyerUses: buyerProducts.length,
    /** This buyer already holds the code for this product: another checkout is no new use. */
    alreadyHolds: buyerProducts.includes(use.productId),
  };
}

export async function insertRedemption(
  db: Kysely<Database>,
  row: Insertable<DiscountRedemptionsTable>,
): Promise<void> {
  await db.insertInto("discount_redemptions").values(row).execute();
}

export function listSellerDiscountRows(db: Kysely<Database>, sellerId: string) {
  return db
    .selectFrom("discount_codes")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Paid uses, open holds and net revenue per currency, per code. */
export async function discountStats(db: Kysely<Database>, ids: readonly string[], now: string) {
  if (ids.length === 0) return { sales: [], holds: [] };
  const joined = db
    .selectFrom("discount_redemptions")
    .innerJoin("orders", "orders.id", "discount_redemptions.order_id")
    .where("discount_redemptions.discount_id", "in", ids);
  const [sales, holds] = await Promise.all([
    joined
      .where("orders.status", "in", PAID_ORDER_STATUSES)
      .select(({ fn }) => [
        "discount_redemptions.discount_id",
        "orders.currency",
        fn.countAll<number>().as("orders"),
        sql<number>`sum(orders.amount - orders.refunded_amount)`.as("net"),
      ])
      .groupBy(["discount_redemptions.discount_id", "orders.currency"])
      .execute(),
    joined
      .where("orders.status", "=", "pending")
      .where("orders.expires_at", ">", now)
      .select(({ fn }) => ["discount_redemptions.discount_id", fn.countAll<number>().as("holds")])
      .groupBy("discount_redemptions.discount_id")
      .execute(),
  ]);
  return { sales, holds };
}

export function listRedemptionRows(db: Kysely<Database>, discountId: string, limit: number) {
  return db
    .selectFrom("discount_redemptions")
    .innerJoin("orders", "orders.id", "discount_redemptions.order_id")
    .innerJoin("users", "users.id", "discount_redemptions.user_id")
    .innerJoin("products", "products.id", "discount_redemptions.product_id")
    .select([
      "orders.id as order_id",
      "orders.status",
      "orders.amount",
      "orders.refunded_amount",
      "orders.currency",
      "orders.expires_at",
      "discount_redemptions.list_amount",
      "discount_redemptions.created_at",
      "users.email",
      "users.display_name",
      "products.title as product_title",
    ])
    .where("discount_redemptions.discount_id", "=", discountId)
    .orderBy("discount_redemptions.created_at", "desc")
    .orderBy("orders.id", "desc")
    .limit(limit)
    .execute();
}

export function listSellerProductRows(
  db: Kysely<Database>,
  sellerId: string,
  ids?: readonly string[],
) {
  let query = db
    .selectFrom("products")
    .select(["id", "slug", "title", "status"])
    .where("seller_id", "=", sellerId);
  if (ids) query = query.where("id", "in", ids.length > 0 ? ids : [""]);
  return query.orderBy("title").execute();
}

export async function setDiscountDisabledAt(
  db: Kysely<Database>,
  id: string,
  disabledAt: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable("discount_codes")
    .set({ disabled_at: disabledAt, updated_at: now })
    .where("id", "=", id)
    .execute();
}

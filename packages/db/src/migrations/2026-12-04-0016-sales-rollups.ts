import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// The seller's numbers, kept as rollups written in the transaction that changes an order, so
// a dashboard never scans orders:
// - `sales_hours`: per seller, product, order kind, currency and UTC hour of the order's
//   creation — independent of any time zone, the source the day rollup is rebuilt from;
// - `sales_days`: the same per day in the seller's time zone (`users.timezone`), plus an
//   all-products row per day (`product_id = ''`) so a store-wide range reads one row per day,
//   kind and currency however many products there are.
// Both are filled here from the orders already stored (every seller is on UTC until they
// choose a zone). Orders learn their seller (`orders.seller_id`, a product never changes
// hands) so a seller's order lists and recent orders read an index of their own.
const PAID = sql`('paid', 'partially_refunded', 'refunded', 'disputed')`;

/**
 * A rollup table keyed `pk`. On SQLite it is WITHOUT ROWID: rows live in key order, so a
 * seller's range of days is one contiguous read, not an index walk plus a lookup per row.
 */
function rollupTable(table: string, key: string, pk: string[], db: Kysely<unknown>) {
  const amount = isPostgres(db) ? "bigint" : "integer";
  return db.schema
    .createTable(table)
    .addColumn("seller_id", "text", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn(key, "text", (c) => c.notNull())
    .addColumn("sales", "integer", (c) => c.notNull())
    .addColumn("gross", amount, (c) => c.notNull())
    .addColumn("refunds", amount, (c) => c.notNull())
    .addColumn("refunded_sales", "integer", (c) => c.notNull())
    .addColumn("dispute_losses", amount, (c) => c.notNull())
    .addColumn("new_customers", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, pk)
    .addCheckConstraint(`${table}_kind`, sql`kind in ('product', 'support')`)
    .modifyEnd(isPostgres(db) ? sql`` : sql`without rowid`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("orders")
    .addColumn("seller_id", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await sql`
    update orders set seller_id = (select seller_id from products where products.id = orders.product_id)
  `.execute(db);
  await db.schema
    .createIndex("orders_seller")
    .on("orders")
    .columns(["seller_id", "created_at", "id"])
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("timezone", "text", (c) => c.notNull().defaultTo("UTC"))
    .execute();
  // A seller's sale emails: one per sale ('each'), a digest of yesterday ('daily'), or 'off';
  // and the last local day a digest covered, so each day is sent once.
  await db.schema
    .alterTable("users")
    .addColumn("sale_emails", "text", (c) =>
      c
        .notNull()
        .defaultTo("each")
        .check(sql`sale_emails in ('each', 'daily', 'off')`),
    )
    .execute();
  await db.schema.alterTable("users").addColumn("sale_digest_through", "text").execute();
  // Hours are read per seller in time order (to rebuild days); days per seller and product
  // (the all-products row is a product of its own) over a range.
  const rest = ["kind", "currency"];
  await rollupTable(
    "sales_hours",
    "hour",
    ["seller_id", "hour", "product_id", ...rest],
    db,
  ).execute();
  await rollupTable("sales_days", "day", ["seller_id", "product_id", "day", ...rest], db).execute();
  // Per product and seller-local month (YYYY-MM): a year's top products read twelve months
  // and the days at the range's ends, not 365 days of every product.
  await rollupTable(
    "sales_months",
    "month",
    ["seller_id", "month", "product_id", ...rest],
    db,
  ).execute();
  // An order is its buyer's first with a seller when no earlier paid product order precedes it.
  const facts = sql`
    select p.seller_id, o.product_id, o.kind, o.currency,
      substr(o.created_at, 1, 13) || ':00:00.000Z' as hour,
      o.amount, o.refunded_amount, o.status,
      case when o.kind = 'product' and row_number() over (
        partition by p.seller_id, o.user_id, o.kind order by o.created_at, o.id
      ) = 1 then 1 else 0 end as first_sale
    from orders o join products p on p.id = o.product_id
    where o.status in ${PAID}`;
  await sql`
    insert into sales_hours (seller_id, product_id, kind, currency, hour, sales, gross, refunds,
      refunded_sales, dispute_losses, new_customers)
    select seller_id, product_id, kind, currency, hour, count(*), sum(amount), sum(refunded_amount),
      sum(case when refunded_amount > 0 then 1 else 0 end),
      sum(case when status = 'refunded' and refunded_amount < amount then amount - refunded_amount else 0 end),
      sum(first_sale)
    from (${facts}) f
    group by seller_id, product_id, kind, currency, hour
  `.execute(db);
  // Per product, then the all-products row ('' is a constant, so it is not grouped by).
  for (const [product, group] of [
    [sql`product_id`, sql`product_id,`],
    [sql`''`, sql``],
  ] as const) {
    await sql`
      insert into sales_days (seller_id, product_id, kind, currency, day, sales, gross, refunds,
        refunded_sales, dispute_losses, new_customers)
      select seller_id, ${product}, kind, currency, substr(hour, 1, 10), sum(sales), sum(gross),
        sum(refunds), sum(refunded_sales), sum(dispute_losses), sum(new_customers)
      from sales_hours
      group by seller_id, ${group} kind, currency, substr(hour, 1, 10)
    `.execute(db);
  }
  await sql`
    insert into sales_months (seller_id, product_id, kind, currency, month, sales, gross, refunds,
      refunded_sales, dispute_losses, new_customers)
    select seller_id, product_id, kind, currency, substr(day, 1, 7), sum(sales), sum(gross),
      sum(refunds), sum(refunded_sales), sum(dispute_losses), sum(new_customers)
    from sales_days where product_id <> ''
    group by seller_id, product_id, kind, currency, substr(day, 1, 7)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sales_months").execute();
  await db.schema.dropTable("sales_days").execute();
  await db.schema.dropTable("sales_hours").execute();
  await db.schema.alterTable("users").dropColumn("timezone").execute();
  await db.schema.alterTable("users").dropColumn("sale_emails").execute();
  await db.schema.alterTable("users").dropColumn("sale_digest_through").execute();
  await db.schema.dropIndex("orders_seller").execute();
  await db.schema.alterTable("orders").dropColumn("seller_id").execute();
}

import { migrateTo, migrateToLatest } from "@digistore/db";
import {
  createTestDb,
  insertSellerProduct,
  testDialects,
  type TestDb,
} from "@digistore/db/testing";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { checkSalesRollups } from "./rebuild-sales-rollups";

describe.each(testDialects())("the sales rollups migration on %s", (dialect) => {
  let t: TestDb;
  afterEach(async () => t.close());

  it("fills the rollups from the orders a store already has", async () => {
    t = await createTestDb({ dialect });
    await migrateTo(t, "2026-12-03-0015-link-clicks-row-ids");
    const product = await insertSellerProduct(t.db, { amount: 2000 });
    const order = async (id: string, buyer: string, status: string, refunded: number, at: string) =>
      sql`insert into orders (id, user_id, product_id, kind, amount, currency, status,
        refunded_amount, provider, billing_country, created_at, updated_at, expires_at)
        values (${id}, ${buyer}, ${product.id}, 'product', 2000, 'USD', ${status}, ${refunded},
        'dodo', 'DE', ${at}, ${at}, '2999-01-01T00:00:00.000Z')`.execute(t.db);
    await sql`insert into users (id, email, display_name, password_hash, is_customer, is_seller,
      is_staff, created_at, updated_at) values ('b1', 'b1@example.test', 'B', 'x', 1, 0, 0, '2026-12-01', '2026-12-01'),
      ('b2', 'b2@example.test', 'B', 'x', 1, 0, 0, '2026-12-01', '2026-12-01')`.execute(t.db);
    await order("o1", "b1", "paid", 0, "2026-12-01T10:05:00.000Z");
    await order("o2", "b1", "partially_refunded", 500, "2026-12-01T10:40:00.000Z");
    await order("o3", "b2", "refunded", 0, "2026-12-02T08:00:00.000Z"); // a lost dispute
    await order("o4", "b2", "pending", 0, "2026-12-02T09:00:00.000Z");
    await migrateToLatest(t);

    const hours = await t.db
      .selectFrom("sales_hours")
      .select([
        "hour",
        "sales",
        "gross",
        "refunds",
        "refunded_sales",
        "dispute_losses",
        "new_customers",
      ])
      .orderBy("hour")
      .execute();
    expect(hours).toEqual([
      {
        hour: "2026-12-01T10:00:00.000Z",
        sales: 2,
        gross: 4000,
        refunds: 500,
        refunded_sales: 1,
        dispute_losses: 0,
        new_customers: 1,
      },
      {
        hour: "2026-12-02T08:00:00.000Z",
        sales: 1,
        gross: 2000,
        refunds: 0,
        refunded_sales: 0,
        dispute_losses: 2000,
        new_customers: 1,
      },
    ]);
    const seller = await t.db.selectFrom("orders").select("seller_id").distinct().execute();
    expect(seller).toEqual([{ seller_id: product.sellerId }]);
    expect(await checkSalesRollups(t.db, t.dialect, { rebuild: false })).toEqual({
      hourRowsDiffering: 0,
      dayRowsDiffering: 0,
      rebuilt: false,
    });
  });
});

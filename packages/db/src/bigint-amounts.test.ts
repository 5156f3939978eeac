import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, insertSellerProduct, testDialects, type TestDb } from "./testing";

// 50,000,000 IDR in minor units: above the 2,147,483,647 a 32-bit column holds.
const IDR_PRICE = 5_000_000_000;

describe.each(testDialects())("amount columns on %s", (dialect) => {
  let handle: TestDb | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it("store and read back amounts above 32 bits as exact JS numbers", async () => {
    handle = await createTestDb({ dialect });
    await insertSellerProduct(handle.db, {
      amount: IDR_PRICE,
      currency: "IDR",
      supportAmount: IDR_PRICE + 1,
    });
    const row = await handle.db
      .selectFrom("products")
      .select(["price_amount", "support_price_amount"])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ price_amount: IDR_PRICE, support_price_amount: IDR_PRICE + 1 });
    const { total } = await handle.db
      .selectFrom("products")
      .select((eb) => eb.fn.sum<number>("price_amount").as("total"))
      .executeTakeFirstOrThrow();
    expect(total).toBe(IDR_PRICE);
  });

  it.runIf(dialect === "postgres")("are bigint on PostgreSQL", async () => {
    handle = await createTestDb({ dialect });
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema()
        and column_name in ('price_amount', 'support_price_amount', 'amount', 'refunded_amount')
      order by table_name, column_name`.execute(handle.db);
    expect(rows).toEqual([
      { table_name: "orders", column_name: "amount", data_type: "bigint" },
      { table_name: "orders", column_name: "refunded_amount", data_type: "bigint" },
      { table_name: "products", column_name: "price_amount", data_type: "bigint" },
      { table_name: "products", column_name: "support_price_amount", data_type: "bigint" },
      { table_name: "provider_products", column_name: "amount", data_type: "bigint" },
    ]);
  });

  it.runIf(dialect === "postgres")("refuses an int8 a JS number cannot hold exactly", async () => {
    handle = await createTestDb({ dialect });
    await expect(sql`select 9007199254740993::int8 as n`.execute(handle.db)).rejects.toThrow(
      /beyond 2\^53/,
    );
    const { rows } = await sql<{ n: number }>`select 9007199254740991::int8 as n`.execute(
      handle.db,
    );
    expect(rows[0]!.n).toBe(Number.MAX_SAFE_INTEGER);
  });
});

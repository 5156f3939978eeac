import type { Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// Prices and order amounts were 32-bit on PostgreSQL, so anything above 2,147,483,647 minor
// units (a real IDR price) could not be stored. They become bigint there; the pg driver reads
// int8 back as a JS number (create-db.ts) and the app refuses amounts above MAX_AMOUNT in core,
// well below 2^53. SQLite's INTEGER is already 64-bit: nothing to do.

const AMOUNT_COLUMNS = [
  ["products", "price_amount"],
  ["products", "support_price_amount"],
  ["orders", "amount"],
  ["orders", "refunded_amount"],
  ["provider_products", "amount"],
] as const;

async function setAmountType(db: Kysely<unknown>, type: "bigint" | "integer"): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of AMOUNT_COLUMNS) {
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType(type))
      .execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setAmountType(db, "bigint");
}

/** Fails on PostgreSQL if an amount no longer fits 32 bits, rather than losing it. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await setAmountType(db, "integer");
}

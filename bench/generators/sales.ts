import { SYSTEM, newId, systemClock, userActor, type UserActor } from "@digistore/core";
import { createDb, insertJsonRows, migrateToLatest, type JsonColumn } from "@digistore/db";
import { checkSalesRollups } from "@digistore/domain-sales";
import { createUser } from "@digistore/domain-users";
import { sql } from "kysely";
import { benchProducts, insertAll } from "./orders";

/**
 * A load generator, not app code: one seller's history of paid orders written straight into
 * `orders` (about 1 in 12 partly or fully refunded), then the sales rollups rebuilt from them
 * with the store's own `checkSalesRollups` — exactly what the order hook would have kept.
 * Buyers are ids without accounts, as the dashboard never reads who they are beyond the
 * recent orders' emails (and those join `users`: the buyers are real rows, few of them).
 */

export interface SalesShape {
  /** Distinguishes sellers in one database. */
  readonly tag: string;
  readonly orders: number;
  readonly products: number;
  /** Orders spread evenly over this many days ending now. */
  readonly days: number;
  readonly now: Date;
}

export interface GeneratedSales {
  readonly seller: UserActor;
  readonly orders: number;
  readonly insertMs: number;
  readonly rollupMs: number;
}

const DAY_MS = 86_400_000;
const BUYERS = 2_000;
const BATCH = 10_000;

const ORDER_COLUMNS: JsonColumn[] = [
  { name: "id", type: "text" },
  { name: "user_id", type: "text" },
  { name: "seller_id", type: "text" },
  { name: "product_id", type: "text" },
  { name: "kind", type: "text" },
  { name: "amount", type: "bigint" },
  { name: "currency", type: "text" },
  { name: "status", type: "text" },
  { name: "refunded_amount", type: "bigint" },
  { name: "provider", type: "text" },
  { name: "provider_payment_id", type: "text" },
  { name: "billing_country", type: "text" },
  { name: "created_at", type: "text" },
  { name: "updated_at", type: "text" },
  { name: "paid_at", type: "text" },
  { name: "expires_at", type: "text" },
];

export async function generateSales(
  databaseUrl: string,
  shape: SalesShape,
): Promise<GeneratedSales> {
  const handle = await createDb(databaseUrl);
  try {
    await migrateToLatest(handle);
    const seller = await createUser(
      { db: handle.db, clock: systemClock, actor: SYSTEM },
      {
        email: `bench-sales-${shape.tag}@example.com`,
        password: "bench sales password",
        displayName: `Bench Sales ${shape.tag}`,
        seller: true,
      },
    );
    const started = performance.now();
    const now = shape.now.getTime();
    const products = benchProducts(seller.id, shape.products, {
      tag: `sales-${shape.tag}`,
      title: `Bench Sales ${shape.tag} Product`,
      now,
    });
    await insertAll(handle.db, "products", products);
    const buyers = Array.from({ length: Math.min(BUYERS, shape.orders) }, (_, b) => {
      const at = new Date(now - shape.days * DAY_MS).toISOString();
      return {
        id: newId(now - shape.days * DAY_MS + b),
        email: `bench-sales-${shape.tag}-buyer-${b}@example.com`,
        display_name: `Buyer ${b + 1}`,
        password_hash: "x",
        email_verified_at: at,
        is_customer: 1 as const,
        is_seller: 0 as const,
        is_staff: 0 as const,
        seller_terms_accepted_at: null,
        disabled_at: null,
        created_at: at,
        updated_at: at,
      };
    });
    await insertAll(handle.db, "users", buyers);
    const span = shape.days * DAY_MS;
    for (let start = 0; start < shape.orders; start += BATCH) {
      const rows: (string | number | null)[][] = [];
      for (let i = start; i < Math.min(shape.orders, start + BATCH); i++) {
        const product = products[i % products.length]!;
        const at = new Date(now - span + Math.floor((i / shape.orders) * span)).toISOString();
        const id = newId(Date.parse(at));
        const amount = product.price_amount;
        const refunded = i % 12 === 5 ? amount : i % 12 === 9 ? Math.floor(amount / 2) : 0;
        const status =
          refunded === amount ? "refunded" : refunded > 0 ? "partially_refunded" : "paid";
        rows.push([
          id,
          buyers[i % buyers.length]!.id,
          seller.id,
          product.id,
          "product",
          amount,
          "USD",
          status,
          refunded,
          "dodo",
          `pay_${id}`,
          "DE",
          at,
          at,
          at,
          at,
        ]);
      }
      await handle.db
        .transaction()
        .execute((trx) => insertJsonRows(trx, "orders", ORDER_COLUMNS, rows));
    }
    const insertMs = performance.now() - started;
    const rebuilt = performance.now();
    await checkSalesRollups(handle.db, handle.dialect, { rebuild: true });
    // What autovacuum does for a real store after a bulk load: fresh planner statistics.
    if (handle.dialect === "postgres") await sql`analyze`.execute(handle.db);
    return {
      seller: userActor(seller),
      orders: shape.orders,
      insertMs: Math.round(insertMs),
      rollupMs: Math.round(performance.now() - rebuilt),
    };
  } finally {
    await handle.close();
  }
}

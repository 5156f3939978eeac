import { SYSTEM, newId, systemClock } from "@digistore/core";
import { createDb, migrateToLatest, type OrdersTable, type ProductsTable } from "@digistore/db";
import { createUser, hashPassword } from "@digistore/domain-users";
import type { UsersTable } from "@digistore/db";
import type { Insertable } from "kysely";

/**
 * A load generator, not app code: it writes buyers, products and pending orders straight into
 * their tables with multi-row inserts (placeOrder would open a provider checkout per order),
 * so tens of thousands of orders awaiting payment take seconds. The one seller still goes
 * through createUser. Each order is a distinct (buyer, product) pair, so every payment event
 * for one grants a new purchase and queues a receipt: the full webhook path, every time.
 */

export interface PendingOrdersShape {
  readonly orders: number;
  /** Products the orders spread over (buyers = orders ÷ products, rounded up). */
  readonly products?: number;
}

export interface PendingOrder {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly buyerEmail: string;
  readonly buyerName: string;
  readonly productId: string;
}

export interface GeneratedOrders {
  readonly orders: PendingOrder[];
  readonly buyers: number;
  readonly products: number;
  readonly insertMs: number;
}

const ROWS_PER_STATEMENT = 500;
const STATEMENTS_PER_TRANSACTION = 20;
const PRICES = [499, 900, 1200, 1900, 2900, 4900];
/** Buyers share one real argon2id hash (made once); nobody logs in as them. */
const BUYER_PASSWORD = "bench buyer password";
const HOUR_MS = 60 * 60 * 1000;

export async function insertAll<T>(
  db: Awaited<ReturnType<typeof createDb>>["db"],
  table: "users" | "products" | "orders",
  rows: T[],
): Promise<void> {
  const perTransaction = ROWS_PER_STATEMENT * STATEMENTS_PER_TRANSACTION;
  for (let start = 0; start < rows.length; start += perTransaction) {
    const slice = rows.slice(start, start + perTransaction);
    await db.transaction().execute(async (trx) => {
      for (let from = 0; from < slice.length; from += ROWS_PER_STATEMENT) {
        const chunk = slice.slice(from, from + ROWS_PER_STATEMENT);
        // The table is chosen by the caller; the row type matches it.
        await trx
          .insertInto(table)
          .values(chunk as never)
          .execute();
      }
    });
  }
}

/** Published USD products of `sellerId`, rows ready to insert (prices cycle through PRICES). */
export function benchProducts(
  sellerId: string,
  count: number,
  options: { tag: string; title: string; now: number },
): ProductsTable[] {
  const { now } = options;
  const iso = (ms: number) => new Date(ms).toISOString();
  const products: ProductsTable[] = [];
  for (let p = 0; p < count; p++) {
    const at = iso(now - 30 * 24 * HOUR_MS + p * 1000);
    products.push({
      id: newId(now - 30 * 24 * HOUR_MS + p),
      seller_id: sellerId,
      slug: `bench-${options.tag}-${p}`,
      title: `${options.title} ${p + 1}`,
      summary: "A product made by a bench.",
      description: "Bought many times over by a bench.",
      price_amount: PRICES[p % PRICES.length]!,
      currency: "USD",
      support_price_amount: null,
      pay_what_you_want: 0,
      suggested_price_amount: null,
      category_id: null,
      cover_key: null,
      featured: 0,
      status: "published",
      current_version_id: null,
      sales_count: 0,
      content_updated_at: null,
      published_at: at,
      created_at: at,
      updated_at: at,
    });
  }
  return products;
}

/** Migrates `databaseUrl`, then adds a seller, products, buyers and `shape.orders` pending orders. */
export async function generatePendingOrders(
  databaseUrl: string,
  shape: PendingOrdersShape,
): Promise<GeneratedOrders> {
  const handle = await createDb(databaseUrl);
  try {
    await migrateToLatest(handle);
    const deps = { db: handle.db, clock: systemClock };
    const seller = await createUser(
      { ...deps, actor: SYSTEM },
      {
        email: "bench-webhook-seller@example.com",
        password: "bench seller password",
        displayName: "Bench Webhook Studio",
        seller: true,
      },
    );
    const started = performance.now();
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const runTag = now.toString(36);

    const productCount = Math.max(1, shape.products ?? 100);
    const products = benchProducts(seller.id, productCount, {
      tag: `webhook-${runTag}`,
      title: "Bench Webhook Product",
      now,
    });
    await insertAll(handle.db, "products", products);

    const buyerCount = Math.ceil(shape.orders / productCount);
    const passwordHash = await hashPassword(BUYER_PASSWORD);
    const buyers: Insertable<UsersTable>[] = [];
    for (let b = 0; b < buyerCount; b++) {
      const at = iso(now - 2 * HOUR_MS + b);
      buyers.push({
        id: newId(now - 2 * HOUR_MS + b),
        email: `bench-buyer-${runTag}-${b}@example.com`,
        display_name: `Bench Buyer ${b + 1}`,
        password_hash: passwordHash,
        email_verified_at: at,
        is_customer: 1,
        is_seller: 0,
        is_staff: 0,
        seller_terms_accepted_at: null,
        disabled_at: null,
        created_at: at,
        updated_at: at,
      });
    }
    await insertAll(handle.db, "users", buyers);

    // Order i: buyer ⌊i / products⌋, product i mod products. Consecutive events touch
    // different products (sales counts) and every buyer ends up owning each product once.
    const orders: PendingOrder[] = [];
    const rows: OrdersTable[] = [];
    for (let i = 0; i < shape.orders; i++) {
      const buyer = buyers[Math.floor(i / productCount)]!;
      const product = products[i % productCount]!;
      const createdMs = now - HOUR_MS + Math.floor((i / shape.orders) * HOUR_MS);
      const id = newId(createdMs);
      rows.push({
        id,
        user_id: buyer.id,
        seller_id: product.seller_id,
        product_id: product.id,
        kind: "product",
        amount: product.price_amount,
        currency: product.currency,
        status: "pending",
        refunded_amount: 0,
        provider: "dodo",
        provider_checkout_id: `cks_bench_${runTag}_${i}`,
        provider_payment_id: null,
        billing_country: "US",
        billing_address: null,
        created_at: iso(createdMs),
        updated_at: iso(createdMs),
        paid_at: null,
        expires_at: iso(createdMs + 24 * HOUR_MS),
        discount_code: null,
      });
      orders.push({
        id,
        amount: product.price_amount,
        currency: product.currency,
        buyerEmail: buyer.email,
        buyerName: buyer.display_name,
        productId: product.id,
      });
    }
    await insertAll(handle.db, "orders", rows);
    return {
      orders,
      buyers: buyerCount,
      products: productCount,
      insertMs: Math.round(performance.now() - started),
    };
  } finally {
    await handle.close();
  }
}

/**
 * The body Dodo POSTs for a successful payment of `order`: `{ business_id, type, timestamp,
 * data }` with a Payment as data (the emulator's shape, trimmed of the empty lists).
 */
export function paymentSucceededBody(order: PendingOrder, index: number, at: Date): string {
  const timestamp = at.toISOString();
  const paymentId = `pay_bench_${index.toString(36)}_${order.id.slice(-8)}`;
  return JSON.stringify({
    business_id: "bus_bench",
    type: "payment.succeeded",
    timestamp,
    data: {
      payload_type: "Payment",
      payment_id: paymentId,
      business_id: "bus_bench",
      brand_id: "bus_bench",
      created_at: timestamp,
      updated_at: timestamp,
      status: "succeeded",
      total_amount: order.amount,
      currency: order.currency,
      settlement_amount: order.amount,
      settlement_currency: order.currency,
      settlement_tax: 0,
      tax: 0,
      billing: { country: "US", city: null, state: null, street: null, zipcode: null },
      customer: {
        customer_id: `cus_bench_${index.toString(36)}`,
        email: order.buyerEmail,
        name: order.buyerName,
      },
      metadata: { order_id: order.id },
      checkout_session_id: `cks_bench_${index.toString(36)}`,
      product_cart: [{ product_id: `pdt_${order.productId.slice(-12)}`, quantity: 1 }],
      payment_provider: "dodo",
      payment_method: "card",
      card_holder_name: order.buyerName,
      card_issuing_country: "US",
      card_last_four: "4242",
      card_network: "VISA",
      card_type: "CREDIT",
      error_code: null,
      error_message: null,
      digital_products_delivered: false,
      discount_id: null,
      refunds: [],
      disputes: [],
      refund_status: null,
    },
  });
}

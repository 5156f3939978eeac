import {
  decodeCursor,
  NotFoundError,
  parseInput,
  requireSeller,
  toPage,
  type Money,
  type Page,
} from "@digistore/core";
import type { Database } from "@digistore/db";
import { sql, type Kysely } from "kysely";
import { PAID_ORDER_STATUSES } from "./order";
import { likeLiteral } from "./seller-orders.repository";
import type { OrdersContext } from "./ports";
import { ZListSellerCustomersInput, ZSellerCustomerRef } from "./seller-orders.schemas";

export interface SellerCustomer {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly firstPurchaseAt: string;
  readonly orders: number;
  /** Net of refunds, one entry per currency. */
  readonly spent: readonly Money[];
  /** The seller's products they hold (active, suspended or revoked). */
  readonly products: readonly {
    readonly id: string;
    readonly title: string;
    readonly access: "owner" | "suspended" | "revoked";
  }[];
}

/** Everyone who paid the seller at least once, by email, a page at a time (keyset on email). */
async function customerPage(
  db: Kysely<Database>,
  sellerId: string,
  options: {
    search?: string | undefined;
    afterEmail?: string | null;
    customerId?: string;
    limit: number;
  },
) {
  const { search, afterEmail, customerId, limit } = options;
  let q = db
    .selectFrom("orders")
    .innerJoin("users", "users.id", "orders.user_id")
    .select((eb) => [
      "users.id",
      "users.email",
      "users.display_name",
      eb.fn.min("orders.created_at").as("first_purchase_at"),
      eb.fn.countAll<number>().as("orders"),
    ])
    .where("orders.seller_id", "=", sellerId)
    .where("orders.status", "in", PAID_ORDER_STATUSES);
  if (search) {
    const pattern = `%${likeLiteral(search.toLowerCase())}%`;
    q = q.where(
      sql<boolean>`(users.email like ${pattern} escape '\\' or lower(users.display_name) like ${pattern} escape '\\')`,
    );
  }
  if (afterEmail) q = q.where("users.email", ">", afterEmail);
  if (customerId) q = q.where("users.id", "=", customerId);
  return q
    .groupBy(["users.id", "users.email", "users.display_name"])
    .orderBy("users.email")
    .limit(limit)
    .execute();
}

/** Per customer and currency, what they spent net of refunds; and what they hold. */
async function customerDetails(db: Kysely<Database>, sellerId: string, customerIds: string[]) {
  if (customerIds.length === 0) return { spent: [], holdings: [] };
  const [spent, holdings] = await Promise.all([
    db
      .selectFrom("orders")
      .select((eb) => [
        "user_id",
        "currency",
        eb.fn.sum<number>(eb("amount", "-", eb.ref("refunded_amount"))).as("net"),
      ])
      .where("seller_id", "=", sellerId)
      .where("user_id", "in", customerIds)
      .where("status", "in", PAID_ORDER_STATUSES)
      .groupBy(["user_id", "currency"])
      .orderBy("currency")
      .execute(),
    db
      .selectFrom("purchased_products")
      .innerJoin("products", "products.id", "purchased_products.product_id")
      .select([
        "purchased_products.user_id",
        "products.id",
        "products.title",
        "purchased_products.revoked_at",
        "purchased_products.suspended_at",
      ])
      .where("products.seller_id", "=", sellerId)
      .where("purchased_products.user_id", "in", customerIds)
      .orderBy("products.title")
      .execute(),
  ]);
  return { spent, holdings };
}

function assemble(
  rows: Awaited<ReturnType<typeof customerPage>>,
  details: Awaited<ReturnType<typeof customerDetails>>,
): SellerCustomer[] {
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.display_name,
    firstPurchaseAt: String(row.first_purchase_at),
    orders: Number(row.orders),
    spent: details.spent
      .filter((s) => s.user_id === row.id)
      .map((s) => ({ amount: Number(s.net), currency: s.currency })),
    products: details.holdings
      .filter((h) => h.user_id === row.id)
      .map((h) => ({
        id: h.id,
        title: h.title,
        access: h.revoked_at
          ? ("revoked" as const)
          : h.suspended_at
            ? ("suspended" as const)
            : ("owner" as const),
      })),
  }));
}

/** The seller's customers (anyone with a paid order), by email, searchable by email or name. */
export async function listSellerCustomers(
  ctx: Pick<OrdersContext, "db" | "actor">,
  input: unknown,
): Promise<Page<SellerCustomer>> {
  const seller = requireSeller(ctx.actor, "Only sellers have customers to see.");
  const { search, page } = parseInput(ZListSellerCustomersInput, input);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const afterEmail = typeof after?.[0] === "string" ? after[0] : null;
  const rows = await customerPage(ctx.db, seller.userId, {
    search,
    afterEmail,
    limit: page.limit + 1,
  });
  const result = toPage(rows, page.limit, (row) => [row.email]);
  const details = await customerDetails(
    ctx.db,
    seller.userId,
    result.items.map((r) => r.id),
  );
  return { items: assemble(result.items, details), nextCursor: result.nextCursor };
}

/** One customer of the seller; someone who never paid them is NOT_FOUND. */
export async function getSellerCustomer(
  ctx: Pick<OrdersContext, "db" | "actor">,
  input: unknown,
): Promise<SellerCustomer> {
  const seller = requireSeller(ctx.actor, "Only sellers have customers to see.");
  const { customerId } = parseInput(ZSellerCustomerRef, input);
  const rows = await customerPage(ctx.db, seller.userId, { customerId, limit: 1 });
  if (rows.length === 0) throw new NotFoundError("Customer not found.");
  const details = await customerDetails(ctx.db, seller.userId, [customerId]);
  return assemble(rows, details)[0]!;
}

const EXPORT_BATCH = 1_000;

/** Every customer matching `search`, by email, in batches: what a CSV export streams. */
export async function* exportSellerCustomers(
  ctx: Pick<OrdersContext, "db" | "actor">,
  input: unknown,
): AsyncGenerator<SellerCustomer[]> {
  const seller = requireSeller(ctx.actor, "Only sellers have customers to see.");
  const { search } = parseInput(ZListSellerCustomersInput, input);
  let afterEmail: string | null = null;
  for (;;) {
    const rows = await customerPage(ctx.db, seller.userId, {
      search,
      afterEmail,
      limit: EXPORT_BATCH,
    });
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    yield assemble(rows, await customerDetails(ctx.db, seller.userId, ids));
    if (rows.length < EXPORT_BATCH) return;
    afterEmail = rows.at(-1)!.email;
  }
}

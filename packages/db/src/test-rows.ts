import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

/**
 * A seller and a published product row, the least a test needs for rows that reference
 * `products` (orders, provider products). Ids are random; the price is the product's.
 */
export async function insertSellerProduct(
  db: Kysely<Database>,
  product: { title?: string; amount?: number; currency?: string; supportAmount?: number } = {},
): Promise<{ id: string; title: string; sellerId: string }> {
  const now = "2026-11-21T09:00:00.000Z";
  const sellerId = randomBytes(8).toString("hex");
  await db
    .insertInto("users")
    .values({
      id: sellerId,
      email: `seller-${sellerId}@example.com`,
      display_name: "Sam Seller",
      password_hash: "x",
      email_verified_at: now,
      is_customer: 1,
      is_seller: 1,
      is_staff: 0,
      seller_terms_accepted_at: now,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const id = randomBytes(8).toString("hex");
  const title = product.title ?? "Pixel Icons";
  await db
    .insertInto("products")
    .values({
      id,
      seller_id: sellerId,
      slug: `pixel-icons-${id}`,
      title,
      summary: "Icons",
      description: "Icons",
      price_amount: product.amount ?? 1999,
      currency: product.currency ?? "USD",
      support_price_amount: product.supportAmount ?? 999,
      pay_what_you_want: 0,
      suggested_price_amount: null,
      category_id: null,
      cover_key: null,
      featured: 0,
      status: "published",
      current_version_id: null,
      sales_count: 0,
      content_updated_at: null,
      published_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, title, sellerId };
}

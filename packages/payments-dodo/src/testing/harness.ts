import { ManualClock, newId } from "@digistore/core";
import type { Dialect } from "@digistore/db";
import { createTestDb, type TestDb } from "@digistore/db/testing";
import type { CheckoutRequest, PaymentProvider } from "@digistore/domain-orders";
import { createDodoEmulator, type DodoEmulator } from "@digistore/dodo-emulator";
import DodoPayments from "dodopayments";
import { randomBytes } from "node:crypto";
import { createDodoProvider } from "../dodo-provider";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

export const API_KEY = "test_dodo_api_key";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** A migrated database, an emulator on a free port, a webhook receiver, and the provider. */
export interface DodoHarness {
  readonly db: TestDb;
  readonly clock: ManualClock;
  readonly emulator: DodoEmulator;
  readonly receiver: WebhookReceiver;
  readonly secret: string;
  readonly provider: PaymentProvider;
  /** An SDK client of the test's own, for looking at what Dodo holds. */
  readonly client: DodoPayments;
  close(): Promise<void>;
}

export async function startDodoHarness(dialect: Dialect): Promise<DodoHarness> {
  const secret = newWebhookSecret();
  const receiver = await startWebhookReceiver();
  const emulator = createDodoEmulator({
    apiKey: API_KEY,
    webhookSecret: secret,
    webhookUrl: receiver.url,
  });
  const { url } = await emulator.listen();
  const db = await createTestDb({ dialect });
  const clock = new ManualClock("2026-11-21T10:00:00.000Z");
  const provider = createDodoProvider({
    db: db.db,
    clock,
    apiKey: API_KEY,
    webhookKey: secret,
    baseUrl: url,
  });
  return {
    db,
    clock,
    emulator,
    receiver,
    secret,
    provider,
    client: new DodoPayments({ bearerToken: API_KEY, baseURL: url }),
    async close() {
      await emulator.close();
      await receiver.close();
      await db.close();
    },
  };
}

/** A seller and a published product row: `provider_products` references `products`. */
export async function insertProduct(
  db: TestDb,
  product: { title?: string; amount?: number; currency?: string } = {},
): Promise<{ id: string; title: string }> {
  const now = "2026-11-21T09:00:00.000Z";
  const sellerId = newId();
  await db.db
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
  const id = newId();
  const title = product.title ?? "Pixel Icons";
  await db.db
    .insertInto("products")
    .values({
      id,
      seller_id: sellerId,
      slug: `pixel-icons-${id.toLowerCase()}`,
      title,
      summary: "Icons",
      description: "Icons",
      price_amount: product.amount ?? 1999,
      currency: product.currency ?? "USD",
      support_price_amount: 999,
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
  return { id, title };
}

export function checkoutRequest(
  product: { id: string; title: string },
  overrides: Partial<CheckoutRequest> = {},
): CheckoutRequest {
  return {
    orderId: newId(),
    kind: "product",
    product,
    price: { amount: 1999, currency: "USD" },
    customer: { email: "alice@example.com", name: "Alice Buyer" },
    billing: { country: "DE" },
    returnUrl: "https://shop.example.com/checkout/return",
    cancelUrl: "https://shop.example.com/products/pixel-icons",
    ...overrides,
  };
}

import { ManualClock, newId } from "@digistore/core";
import type { Dialect } from "@digistore/db";
import { createTestDb, insertSellerProduct, type TestDb } from "@digistore/db/testing";
import type { CheckoutRequest, PaymentProvider } from "@digistore/domain-orders";
import { createDodoEmulator, type DodoEmulator } from "@digistore/dodo-emulator";
import { startWebhookReceiver, type WebhookReceiver } from "@digistore/dodo-emulator/testing";
import DodoPayments from "dodopayments";
import { randomBytes } from "node:crypto";
import { createDodoProvider } from "../dodo-provider";

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
  const { id, title } = await insertSellerProduct(db.db, product);
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

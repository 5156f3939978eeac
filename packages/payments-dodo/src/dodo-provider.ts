import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { PaymentProvider } from "@digistore/domain-orders";
import type { Kysely } from "kysely";
import { dodoCheckoutStatus } from "./checkout-status";
import { createDodoCheckout } from "./create-checkout";
import { createDodoClient, type DodoEnvironment } from "./dodo-client";
import { normaliseEvent } from "./normalise-event";
import { paymentOrderLookup } from "./payment-order-lookup";
import { businessIdentity } from "./business-identity";
import { DODO_REFUND_WINDOW_MS, refundDodoPayment } from "./refund";
import { DODO_PROVIDER } from "./sync-product";
import { createWebhookVerifier } from "./verify-webhook";

export interface DodoProviderOptions {
  /** Holds `provider_products`, the Dodo product id for each (product, kind). */
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** `DODO_PAYMENTS_API_KEY`. */
  readonly apiKey: string;
  /** `DODO_PAYMENTS_WEBHOOK_KEY`: `whsec_…` from Dodo's dashboard. */
  readonly webhookKey: string;
  /** `DODO_PAYMENTS_ENVIRONMENT`; default `test_mode`. */
  readonly environment?: DodoEnvironment;
  /** `DODO_PAYMENTS_BASE_URL`: overrides `environment`, e.g. the emulator's URL. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /**
   * The Dodo business whose events this store handles (`bus_…`); others are stored and
   * ignored. Default: the API key's own business, asked from Dodo once.
   */
  readonly businessId?: string;
}

/** The store's `PaymentProvider` on Dodo Payments, through the official SDK. */
export function createDodoProvider(options: DodoProviderOptions): PaymentProvider {
  const client = createDodoClient(options);
  const verifyWebhook = createWebhookVerifier(options.webhookKey);
  const normaliseDeps = {
    lookupOrderId: paymentOrderLookup(client),
    isOurBusiness: businessIdentity(client, options.businessId),
    now: () => options.clock.now(),
  };
  const deps = { db: options.db, clock: options.clock, client };

  return {
    name: DODO_PROVIDER,
    createCheckout: (request) => createDodoCheckout(deps, request),
    // async, so a refused signature is a rejected promise like every other failure.
    verifyAndParse: async (rawBody, headers) =>
      normaliseEvent(verifyWebhook(rawBody, headers), normaliseDeps),
    reparse: (stored) =>
      normaliseEvent({ webhookId: stored.eventId, rawBody: stored.rawBody }, normaliseDeps),
    refund: (paymentId, amount, orderId, reason) =>
      refundDodoPayment(client, paymentId, amount, orderId, reason),
    refundWindowMs: DODO_REFUND_WINDOW_MS,
    checkoutStatus: (checkoutId) => dodoCheckoutStatus(client, checkoutId),
  };
}

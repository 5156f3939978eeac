import type { ServerConfig } from "@digistore/config";
import type { Clock } from "@digistore/core";
import type { Db } from "@digistore/db";
import { createDodoEmulator } from "@digistore/dodo-emulator";
import type { PaymentProvider } from "@digistore/domain-orders";
import { createDodoProvider } from "@digistore/payments-dodo";
import type { RequestListener } from "node:http";

/** Fixed on purpose: the emulator moves no money, and a stable key survives restarts. */
const EMULATOR_API_KEY = "emulator-api-key";
const EMULATOR_WEBHOOK_KEY = "whsec_ZGlnaXN0b3JlLWRvZG8tZW11bGF0b3ItZGV2LXNlY3JldA==";
export const EMULATOR_PATH = "/_dodo";

export interface Payments {
  readonly provider: PaymentProvider;
  /** The emulator's HTTP API and hosted checkout, mounted at EMULATOR_PATH (emulator mode). */
  readonly emulator: RequestListener | null;
  close(): Promise<void>;
}

/**
 * The Dodo adapter, pointed at real Dodo or at the built-in emulator: the same code path
 * either way, only the base URL and keys differ.
 */
export function openPayments(config: ServerConfig, db: Db, clock: Clock): Payments {
  if (config.PAYMENTS_PROVIDER === "dodo") {
    const provider = createDodoProvider({
      db: db.db,
      clock,
      apiKey: config.DODO_PAYMENTS_API_KEY!,
      webhookKey: config.DODO_PAYMENTS_WEBHOOK_KEY!,
      environment: config.DODO_PAYMENTS_ENVIRONMENT,
      ...(config.DODO_PAYMENTS_BASE_URL ? { baseUrl: config.DODO_PAYMENTS_BASE_URL } : {}),
    });
    return { provider, emulator: null, close: () => Promise.resolve() };
  }
  // Server-to-server calls stay on loopback; the buyer's browser uses the public address.
  const internal = `http://127.0.0.1:${config.PORT}`;
  const emulator = createDodoEmulator({
    apiKey: EMULATOR_API_KEY,
    webhookSecret: EMULATOR_WEBHOOK_KEY,
    basePath: EMULATOR_PATH,
    publicUrl: config.PUBLIC_URL,
    webhookUrl: `${internal}/webhooks/dodo`,
  });
  const provider = createDodoProvider({
    db: db.db,
    clock,
    apiKey: EMULATOR_API_KEY,
    webhookKey: EMULATOR_WEBHOOK_KEY,
    baseUrl: `${internal}${EMULATOR_PATH}`,
  });
  return { provider, emulator: emulator.handler, close: () => emulator.close() };
}

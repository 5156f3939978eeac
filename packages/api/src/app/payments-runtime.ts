import { EMULATOR_PATH, paymentsConnection, type ServerConfig } from "@digistore/config";
import type { Clock } from "@digistore/core";
import type { Db } from "@digistore/db";
import { createDodoEmulator } from "@digistore/dodo-emulator";
import type { PaymentProvider } from "@digistore/domain-orders";
import { createDodoProvider } from "@digistore/payments-dodo";
import type { RequestListener } from "node:http";

export interface PaymentsRuntime {
  readonly provider: PaymentProvider;
  /** The emulator's HTTP API and hosted checkout, to mount at EMULATOR_PATH (emulator mode). */
  readonly emulator: RequestListener | null;
  close(): Promise<void>;
}

/**
 * The Dodo adapter, pointed at real Dodo or at the built-in emulator: the same code path
 * either way, only the base URL and keys differ. `withEmulator: false` (the CLI) talks to the
 * emulator that the running server mounts instead of hosting one.
 */
export function openPayments(
  config: ServerConfig,
  db: Db,
  clock: Clock,
  withEmulator: boolean,
): PaymentsRuntime {
  const connection = paymentsConnection(config);
  const provider = createDodoProvider({ db: db.db, clock, ...connection });
  if (!connection.emulated || !withEmulator)
    return { provider, emulator: null, close: () => Promise.resolve() };
  const emulator = createDodoEmulator({
    apiKey: connection.apiKey,
    webhookSecret: connection.webhookKey,
    basePath: EMULATOR_PATH,
    // The buyer's browser uses the public address; webhooks stay on loopback.
    publicUrl: config.PUBLIC_URL,
    webhookUrl: `http://127.0.0.1:${config.PORT}/webhooks/dodo`,
  });
  return { provider, emulator: emulator.handler, close: () => emulator.close() };
}

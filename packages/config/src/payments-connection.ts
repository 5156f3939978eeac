import type { ServerConfig } from "./server-config";
import { storedSecret } from "./stored-secret";

export const EMULATOR_PATH = "/_dodo";

/**
 * The emulator's keys are made per store and kept under DATA_DIR, like every secret nobody
 * configured: a constant key would let anyone who reads the source sign "paid" webhooks.
 */
function emulatorKeys(config: Pick<ServerConfig, "DATA_DIR">) {
  return {
    apiKey: storedSecret(config, "emulator-api-key", (r) => `emu_${r.toString("base64url")}`),
    webhookKey: storedSecret(
      config,
      "emulator-webhook-key",
      (r) => `whsec_${r.toString("base64")}`,
    ),
  };
}

export interface PaymentsConnection {
  readonly apiKey: string;
  readonly webhookKey: string;
  readonly environment: "test_mode" | "live_mode";
  /** The Dodo business whose webhooks are ours (unset: the adapter asks Dodo). */
  readonly businessId?: string;
  /** Set for the emulator (and when DODO_PAYMENTS_BASE_URL overrides the environment). */
  readonly baseUrl?: string;
  readonly emulated: boolean;
}

/**
 * How the Dodo adapter reaches its API: real Dodo with the configured keys, or the emulator
 * the web server mounts at /_dodo (reached on loopback from the server and the CLI alike).
 */
export function paymentsConnection(config: ServerConfig): PaymentsConnection {
  if (config.PAYMENTS_PROVIDER === "dodo") {
    return {
      apiKey: config.DODO_PAYMENTS_API_KEY!,
      webhookKey: config.DODO_PAYMENTS_WEBHOOK_KEY!,
      environment: config.DODO_PAYMENTS_ENVIRONMENT,
      ...(config.DODO_PAYMENTS_BASE_URL ? { baseUrl: config.DODO_PAYMENTS_BASE_URL } : {}),
      ...(config.DODO_PAYMENTS_BUSINESS_ID ? { businessId: config.DODO_PAYMENTS_BUSINESS_ID } : {}),
      emulated: false,
    };
  }
  return {
    ...emulatorKeys(config),
    environment: "test_mode",
    baseUrl: `http://127.0.0.1:${config.PORT}${EMULATOR_PATH}`,
    emulated: true,
  };
}

import type { ServerConfig } from "./server-config";

/** Fixed on purpose: the emulator moves no money, and stable keys survive restarts. */
export const EMULATOR_API_KEY = "emulator-api-key";
export const EMULATOR_WEBHOOK_KEY = "whsec_ZGlnaXN0b3JlLWRvZG8tZW11bGF0b3ItZGV2LXNlY3JldA==";
export const EMULATOR_PATH = "/_dodo";

export interface PaymentsConnection {
  readonly apiKey: string;
  readonly webhookKey: string;
  readonly environment: "test_mode" | "live_mode";
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
      emulated: false,
    };
  }
  return {
    apiKey: EMULATOR_API_KEY,
    webhookKey: EMULATOR_WEBHOOK_KEY,
    environment: "test_mode",
    baseUrl: `http://127.0.0.1:${config.PORT}${EMULATOR_PATH}`,
    emulated: true,
  };
}

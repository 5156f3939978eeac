import DodoPayments, { APIError } from "dodopayments";

/** Dodo's two hosted environments; a `baseUrl` (the emulator) replaces both. */
export type DodoEnvironment = "test_mode" | "live_mode";

export interface DodoClientOptions {
  readonly apiKey: string;
  readonly webhookKey: string;
  /** Default `test_mode`: a missing setting never charges real cards. */
  readonly environment?: DodoEnvironment | undefined;
  /** Overrides `environment`, e.g. the emulator's URL. */
  readonly baseUrl?: string | undefined;
  readonly fetch?: typeof fetch | undefined;
}

/**
 * The official SDK client. Everything is passed explicitly so the SDK's own environment
 * variables (DODO_PAYMENTS_BASE_URL, …) can never combine with ours into an ambiguous setup.
 */
export function createDodoClient(options: DodoClientOptions): DodoPayments {
  if (!options.apiKey) throw new TypeError("apiKey is required");
  return new DodoPayments({
    bearerToken: options.apiKey,
    webhookKey: options.webhookKey,
    ...(options.baseUrl
      ? { baseURL: options.baseUrl }
      : { baseURL: null, environment: options.environment ?? "test_mode" }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/**
 * Runs one API call; an answer Dodo refused (or a connection failure) becomes a plain Error
 * carrying Dodo's message, so nothing above this package sees the SDK's error classes.
 */
export async function callDodo<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof APIError) {
      throw new Error(`Dodo Payments could not ${action}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

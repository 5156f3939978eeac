import DodoPayments from "dodopayments";
import { randomBytes } from "node:crypto";
import { createDodoEmulator, type DodoEmulator, type DodoEmulatorOptions } from "../emulator";

export const API_KEY = "test_dodo_api_key";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export interface RunningEmulator {
  readonly emulator: DodoEmulator;
  readonly client: DodoPayments;
  readonly secret: string;
  readonly url: string;
  /** Calls the control API (`/_emulator/<path>`) with the API key; returns status and JSON. */
  control(
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }>;
}

/** An emulator listening on a free port and an official SDK client pointed at it. */
export async function startEmulator(
  options: Partial<DodoEmulatorOptions> = {},
): Promise<RunningEmulator> {
  const secret = options.webhookSecret ?? newWebhookSecret();
  const emulator = createDodoEmulator({ apiKey: API_KEY, webhookSecret: secret, ...options });
  const { url } = await emulator.listen();
  const client = new DodoPayments({ bearerToken: API_KEY, baseURL: url, webhookKey: secret });
  return {
    emulator,
    client,
    secret,
    url,
    async control(method, path, body) {
      const response = await fetch(`${url}/_emulator/${path}`, {
        method,
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: await response.json() };
    },
  };
}

/** A one-time USD product as the store creates them. */
export function ebook(client: DodoPayments, name = "Pixel Icons", price = 1999) {
  return client.products.create({
    name,
    price: {
      type: "one_time_price",
      price,
      currency: "USD",
      discount: 0,
      purchasing_power_parity: false,
    },
    tax_category: "digital_products",
  });
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TestStore } from "./store";

/** The part of an emulator payment these tests read. */
export interface EmulatorPayment {
  readonly payment_id: string;
  readonly status: string;
  readonly metadata: { readonly order_id: string };
}

/**
 * The emulator's control API on a running store (`/_dodo/_emulator/*`, with the store's own
 * emulator key), for what a buyer's bank does out of sight of the browser: a payment that
 * stays "processing" until the test settles it, so the page is seen waiting for the webhook.
 */
export function emulatorControl(store: TestStore) {
  const apiKey = readFileSync(join(store.dataDir, "secrets", "emulator-api-key"), "utf8").trim();
  const post = async (path: string, body: object = {}): Promise<EmulatorPayment> => {
    const response = await fetch(`${store.url}/_dodo/_emulator${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as EmulatorPayment;
  };
  return {
    /** The buyer pays on the hosted page and the bank has not answered yet. */
    process: (sessionId: string) => post(`/checkouts/${encodeURIComponent(sessionId)}/process`),
    /** The bank answers: the emulator sends the webhook for the outcome. */
    settle: (paymentId: string, status: "succeeded" | "failed") =>
      post(`/payments/${encodeURIComponent(paymentId)}/settle`, { status }),
  };
}

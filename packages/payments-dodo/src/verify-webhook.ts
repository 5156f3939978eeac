import { WebhookVerificationError } from "@digistore/domain-orders";
import { Webhook } from "standardwebhooks";

import type { SignedWebhook } from "./normalise-event";

export type WebhookHeaders = Readonly<Record<string, string | undefined>>;

const SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

function signatureHeaders(headers: WebhookHeaders): Record<string, string> | null {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) lower.set(name.toLowerCase(), value);
  }
  const picked: Record<string, string> = {};
  for (const name of SIGNATURE_HEADERS) {
    const value = lower.get(name);
    if (!value) return null;
    picked[name] = value;
  }
  return picked;
}

/**
 * Standard Webhooks verification as Dodo signs: HMAC-SHA256 over `id.timestamp.rawBody`, and
 * a timestamp within 5 minutes of now. The key (`whsec_…`) is checked once, up front.
 */
export function createWebhookVerifier(webhookKey: string) {
  if (!webhookKey) throw new TypeError("webhookKey is required");
  const webhook = new Webhook(webhookKey);

  /** Only the signature and timestamp are checked here; reading the body is normalising's. */
  return function verifyWebhook(rawBody: string, headers: WebhookHeaders): SignedWebhook {
    const picked = signatureHeaders(headers);
    if (!picked) {
      throw new WebhookVerificationError(
        "Missing webhook-id, webhook-timestamp or webhook-signature header",
      );
    }
    try {
      webhook.verify(rawBody, picked, { jsonParse: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : "verification failed";
      throw new WebhookVerificationError(`Invalid Dodo webhook signature: ${reason}`);
    }
    return { webhookId: picked["webhook-id"]!, rawBody };
  };
}

import { isDomainError } from "@digistore/core";
import {
  createPaymentEventIngester,
  openDownload,
  WebhookVerificationError,
  type DownloadResult,
  type PaymentEventIngester,
} from "@digistore/domain-orders";
import type { AppServices, Context } from "./context";
import { ordersDeps } from "./deps";

export type WebhookAnswer = { status: 200 | 400 | 401 | 500; body: Record<string, unknown> };

/**
 * The provider's webhook. 2xx means "stored": an unverifiable body is refused (the provider
 * will not retry a forgery into success), and a storage failure answers 5xx so it retries.
 * Never blocked by maintenance mode — payments must not be lost.
 */
export async function receivePaymentWebhook(
  services: AppServices,
  rawBody: string,
  headers: Readonly<Record<string, string | undefined>>,
): Promise<WebhookAnswer> {
  let event;
  try {
    event = await services.payments.verifyAndParse(rawBody, headers);
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      return { status: 401, body: { error: "invalid signature" } };
    if (isDomainError(error)) return { status: 400, body: { error: error.message } };
    throw error;
  }
  try {
    const result = await ingesterFor(services).ingest(event);
    return { status: 200, body: { received: true, ...result } };
  } catch {
    return { status: 500, body: { error: "could not store the event; retry later" } };
  }
}

// One ingester per services object — i.e. per process — since it queues events for the
// process's single SQLite writer.
const ingesters = new WeakMap<AppServices, PaymentEventIngester>();

function ingesterFor(services: AppServices): PaymentEventIngester {
  let ingester = ingesters.get(services);
  if (!ingester) {
    ingester = createPaymentEventIngester(ordersDeps(services));
    ingesters.set(services, ingester);
  }
  return ingester;
}

/** `/download/:token` for the request's user; the web server streams what this returns. */
export function serveDownload(
  ctx: Context,
  token: string,
  options: Parameters<typeof openDownload>[3],
): Promise<DownloadResult> {
  const user = ctx.actor.kind === "user" ? ctx.actor.user : null;
  return openDownload(ordersDeps(ctx), user, token, options);
}

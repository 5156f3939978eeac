import { isDomainError } from "@digistore/core";
import {
  openDownload,
  WebhookVerificationError,
  type DownloadResult,
  type TOpenDownloadInput,
} from "@digistore/domain-orders";
import type { AppServices, Context } from "./context";

export type WebhookAnswer = {
  status: 200 | 400 | 401 | 500;
  body: Record<string, unknown>;
  /** Why staff should look (stored but unreadable or not ours, or not stored); for the log. */
  problem?: string;
};

/**
 * The provider's webhook. 2xx means "stored": a body whose signature fails is refused (the
 * provider will not retry a forgery into success); a signed body we cannot read is stored
 * and flagged, and answered 2xx so the provider stops retrying; a storage failure answers 5xx
 * so it retries. Never blocked by maintenance mode — payments must not be lost.
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
      return { status: 401, body: { error: "invalid signature" }, problem: error.message };
    if (isDomainError(error)) return { status: 400, body: { error: error.message } };
    throw error;
  }
  try {
    const result = await services.paymentEvents.ingest(event);
    const { fact } = event;
    const problem =
      fact.kind === "unparseable" || fact.kind === "ignored"
        ? `${fact.kind} event ${event.eventId}: ${fact.reason}`
        : undefined;
    return { status: 200, body: { received: true, ...result }, ...(problem ? { problem } : {}) };
  } catch (error) {
    return {
      status: 500,
      body: { error: "could not store the event; retry later" },
      problem: `storing event ${event.eventId} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** `/download/:token` for the request's user; the web server streams what this returns. */
export function serveDownload(
  ctx: Context,
  token: string,
  options: Omit<TOpenDownloadInput, "token">,
): Promise<DownloadResult> {
  return openDownload(ctx, { ...options, token });
}

import { findSession, processingPayment, succeededPayment } from "../checkouts";
import { renderCheckoutPage, renderMessagePage } from "../checkout-page";
import type { Payment } from "../dodo-types";
import { DodoApiError } from "../errors";
import { completeCheckout } from "../payment-attempts";
import type { PaymentOutcome } from "../payments";
import { buyerCurrencies } from "../pricing/exchange-rates";
import { quotePayment } from "../pricing/quote";
import { ZPaymentChoice } from "../schemas";
import type { CheckoutSession, EmulatorContext } from "../state";
import { parseRequest } from "../validate";
import { html, redirect, type Reply } from "./reply";
import { route, type RequestContext, type Route } from "./router";

/**
 * `return_url` with `payment_id` and `status` appended, its own query and fragment kept
 * exactly as given.
 */
export function returnUrlFor(returnUrl: string, payment: Payment): string {
  const hashAt = returnUrl.indexOf("#");
  const base = hashAt === -1 ? returnUrl : returnUrl.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : returnUrl.slice(hashAt);
  const params = new URLSearchParams({
    payment_id: payment.payment_id,
    status: payment.status ?? "",
  }).toString();
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}${params}${fragment}`;
}

function alreadyPaid(session: CheckoutSession): Reply {
  return html(
    409,
    renderMessagePage({
      title: "Already paid",
      message: "This checkout has already been paid. No further payment was taken.",
      ...(session.return_url
        ? { link: { href: session.return_url, label: "Return to the store" } }
        : {}),
    }),
  );
}

function notFoundPage(): Reply {
  return html(
    404,
    renderMessagePage({
      title: "Checkout not found",
      message: "This checkout link is unknown or has expired.",
    }),
  );
}

function lookup(ctx: EmulatorContext, id: string): CheckoutSession | undefined {
  try {
    return findSession(ctx, id);
  } catch (error) {
    if (error instanceof DodoApiError && error.status === 404) return undefined;
    throw error;
  }
}

function checkoutPage(
  ctx: EmulatorContext,
  req: RequestContext,
  session: CheckoutSession,
  status: number,
  notice: string | undefined,
): Reply {
  const base = `${req.mountPrefix}/checkout/${encodeURIComponent(session.id)}`;
  return html(
    status,
    renderCheckoutPage({
      session,
      quote: quotePayment(ctx, session),
      currencies: session.feature_flags.allow_currency_selection
        ? buyerCurrencies(session.currency)
        : null,
      payAction: `${base}/pay`,
      declineAction: `${base}/decline`,
      ...(notice ? { notice } : {}),
    }),
  );
}

function showPage(ctx: EmulatorContext, req: RequestContext): Reply {
  const session = lookup(ctx, req.params.id!);
  if (!session) return notFoundPage();
  if (succeededPayment(ctx, session)) return alreadyPaid(session);
  if (processingPayment(ctx, session)) {
    return html(
      200,
      renderMessagePage({
        title: "Payment processing",
        message: "Your payment is being processed.",
      }),
    );
  }
  const lastId = session.payment_ids.at(-1);
  const declined = lastId !== undefined && ctx.state.payments.get(lastId)?.status === "failed";
  return checkoutPage(
    ctx,
    req,
    session,
    200,
    declined ? "Your previous payment attempt was declined. You can try again." : undefined,
  );
}

async function submit(
  ctx: EmulatorContext,
  req: RequestContext,
  outcome: PaymentOutcome,
): Promise<Reply> {
  const session = lookup(ctx, req.params.id!);
  if (!session) return notFoundPage();
  if (succeededPayment(ctx, session)) return alreadyPaid(session);
  let payment: Payment;
  try {
    const choice = parseRequest(ZPaymentChoice, await req.body());
    payment = completeCheckout(ctx, session.id, outcome, choice);
  } catch (error) {
    // A code the page does not take, a currency it does not offer: shown, nothing charged.
    if (!(error instanceof DodoApiError) || error.status >= 500) throw error;
    return checkoutPage(ctx, req, session, error.status, error.message);
  }
  if (session.return_url) return redirect(returnUrlFor(session.return_url, payment));
  return html(
    200,
    renderMessagePage(
      outcome === "succeeded"
        ? { title: "Payment successful", message: `Payment ${payment.payment_id} succeeded.` }
        : { title: "Payment declined", message: `Payment ${payment.payment_id} was declined.` },
    ),
  );
}

/** The hosted checkout page (the `checkout_url`) and its Pay / Decline buttons. No API key. */
export function checkoutPageRoutes(ctx: EmulatorContext): Route[] {
  return [
    route("GET", "/checkout/:id", false, (req) => showPage(ctx, req)),
    route("POST", "/checkout/:id/pay", false, (req) => submit(ctx, req, "succeeded")),
    route("POST", "/checkout/:id/decline", false, (req) => submit(ctx, req, "failed")),
  ];
}

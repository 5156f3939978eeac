import { changeDispute } from "../disputes";
import { completeCheckout, settlePayment } from "../payment-attempts";
import type { PaymentOutcome } from "../payments";
import { createRefund } from "../refunds";
import {
  ZControlDispute,
  ZControlDuplicate,
  ZControlRefund,
  ZControlSend,
  ZControlSettle,
  ZControlWebhookUrl,
  ZPaymentChoice,
} from "../schemas";
import type { EmulatorContext } from "../state";
import { parseRequest } from "../validate";
import { json } from "./reply";
import { route, type Route } from "./router";

const PREFIX = "/_emulator";

/** The emulator's own API for tests and demos: act as the customer, the bank, the dashboard. */
export function controlRoutes(ctx: EmulatorContext): Route[] {
  const attempt = (action: string, outcome: PaymentOutcome) =>
    route("POST", `${PREFIX}/checkouts/:id/${action}`, true, async (req) => {
      const choice = parseRequest(ZPaymentChoice, await req.body());
      return json(200, completeCheckout(ctx, req.params.id!, outcome, choice));
    });
  return [
    attempt("pay", "succeeded"),
    attempt("decline", "failed"),
    attempt("process", "processing"),
    route("POST", `${PREFIX}/payments/:id/settle`, true, async (req) => {
      const { status } = parseRequest(ZControlSettle, await req.body());
      return json(200, settlePayment(ctx, req.params.id!, status));
    }),
    route("POST", `${PREFIX}/payments/:id/refund`, true, async (req) => {
      const body = parseRequest(ZControlRefund, await req.body());
      return json(200, createRefund(ctx, { payment_id: req.params.id!, ...body }));
    }),
    route("POST", `${PREFIX}/payments/:id/dispute`, true, async (req) => {
      const { status } = parseRequest(ZControlDispute, await req.body());
      return json(200, changeDispute(ctx, req.params.id!, status));
    }),
    route("GET", `${PREFIX}/events`, true, () => json(200, { items: ctx.webhooks.events() })),
    route("POST", `${PREFIX}/events/send`, true, async (req) => {
      const { type, data } = parseRequest(ZControlSend, await req.body());
      return json(
        200,
        ctx.webhooks.emit(type, () => data),
      );
    }),
    route("POST", `${PREFIX}/events/:id/resend`, true, (req) =>
      json(200, ctx.webhooks.resend(req.params.id!)),
    ),
    route("POST", `${PREFIX}/events/:id/duplicate`, true, async (req) => {
      const { times } = parseRequest(ZControlDuplicate, await req.body());
      return json(200, ctx.webhooks.duplicate(req.params.id!, times));
    }),
    route("PUT", `${PREFIX}/webhook-url`, true, async (req) => {
      const { url } = parseRequest(ZControlWebhookUrl, await req.body());
      ctx.webhooks.setUrl(url ?? undefined);
      return json(200, { url });
    }),
  ];
}

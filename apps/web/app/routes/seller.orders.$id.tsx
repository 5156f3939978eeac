import { formatMoney, majorAmount, parseMajorAmount } from "@digistore/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { orNotFound } from "../.server/not-found";
import { requireSeller } from "../.server/require-seller";
import { Field, FormError, Notice } from "../components/form";
import { OrderStatusBadge } from "../components/order-status-badge";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Order for ${data?.order.productTitle ?? "a product"} — DigiStore` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const order = await orNotFound(context.api.seller.orders.get({ orderId: params.id ?? "" }));
  return { order };
}

/**
 * Refunding takes two steps without JavaScript: "Review refund" shows what will happen, and
 * only "Refund" with the same amount and reason asks the provider.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSeller(context, request);
  const orderId = params.id ?? "";
  const order = await orNotFound(context.api.seller.orders.get({ orderId }));
  const form = await request.formData();
  const intent = formString(form, "intent");
  const amountText = formString(form, "amount").trim();
  const reason = formString(form, "reason").trim();
  const values = { amount: amountText, reason };
  if (!order.refundable)
    return failed(formFailure("This order has nothing left to refund."), { values });
  const currency = order.total.currency;
  const amount = amountText === "" ? undefined : parseMajorAmount(amountText, currency);
  if (amount === null) {
    return failed(
      formFailure(
        `Write an amount in ${currency}, e.g. ${majorAmount({ amount: 500, currency })}.`,
        "amount",
      ),
      { values },
    );
  }
  if (intent === "review") {
    if (reason.length < 3) {
      return failed(
        formFailure(
          "Say why in a few words: the payment provider keeps it with the refund.",
          "reason",
        ),
        { values },
      );
    }
    const refund = amount ?? order.refundable.remaining.amount;
    if (refund > order.refundable.remaining.amount) {
      return failed(
        formFailure(
          `At most ${formatMoney(order.refundable.remaining)} is left to refund.`,
          "amount",
        ),
        { values },
      );
    }
    return {
      ok: true as const,
      review: { amount: amountText, reason, refund: { amount: refund, currency } },
      values,
    };
  }
  if (intent === "refund") {
    const result = await attempt(() =>
      context.api.seller.orders.refund({
        orderId,
        reason,
        ...(amount === undefined ? {} : { amount }),
      }),
    );
    return result.ok
      ? {
          ok: true as const,
          done: "Refund requested from the payment provider. Access changes when its confirmation arrives.",
          values,
        }
      : failed(result, { values });
  }
  return failed(formFailure("Unknown action."), { values });
}

export default function SellerOrder() {
  const { order } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refused = result && !result.ok ? result : null;
  const review = result?.ok && "review" in result ? result.review : null;
  const done = result?.ok && "done" in result ? result.done : null;
  const values = result && "values" in result ? result.values : null;
  return (
    <div className="narrow" style={{ maxWidth: "48rem" }}>
      <p>
        <Link to="/seller/orders">← Orders</Link>
      </p>
      <h1>
        {order.kind === "support" ? "Support: " : ""}
        {order.productTitle} <OrderStatusBadge status={order.status} />
      </h1>
      <section className="panel">
        <dl className="order-facts">
          <dt>Buyer</dt>
          <dd className="wrap-anywhere">
            {order.buyerName} ({order.buyerEmail})
          </dd>
          <dt>Amount</dt>
          <dd data-testid="order-amount">{formatMoney(order.total)}</dd>
          <dt>Refunded</dt>
          <dd data-testid="order-refunded">{formatMoney(order.refunded)}</dd>
          <dt>Placed</dt>
          <dd>{order.createdAt}</dd>
          <dt>Paid</dt>
          <dd>{order.paidAt ?? "—"}</dd>
          <dt>Billing country</dt>
          <dd>{order.billingCountry}</dd>
          {order.discountCode ? (
            <>
              <dt>Discount code</dt>
              <dd>{order.discountCode}</dd>
            </>
          ) : null}
          <dt>Access</dt>
          <dd data-testid="order-access">
            {order.kind === "support"
              ? "Support orders grant no file access."
              : {
                  owner: "Owns the product",
                  suspended: "Suspended while a dispute is open",
                  revoked: "Revoked",
                  none: "None",
                }[order.access.state]}
            {order.access.state !== "none" && !order.access.throughThisOrder
              ? " (through another order)"
              : ""}
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="timeline">
        <h2 id="timeline">What the payment provider said</h2>
        {order.events.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <ol className="timeline" data-testid="order-timeline">
            {order.events.map((e, i) => (
              <li key={i}>
                <code>{e.type}</code> <span className="small muted">at {e.occurredAt}</span>
                {e.outcome === "processed" ? null : <span className="badge warn">{e.outcome}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" aria-labelledby="refund">
        <h2 id="refund">Refund</h2>
        {done ? <Notice tone="success">{done}</Notice> : null}
        <FormError message={refused?.formError} />
        {!order.refundable ? (
          <p className="muted">Nothing left to refund.</p>
        ) : review ? (
          <Form method="post" data-testid="refund-confirm">
            <p>
              Refund <strong>{formatMoney(review.refund)}</strong> to {order.buyerEmail}? The
              provider returns the money; if nothing is left, the buyer loses access when it
              confirms. This cannot be undone.
            </p>
            <input type="hidden" name="amount" value={review.amount} />
            <input type="hidden" name="reason" value={review.reason} />
            <div className="row">
              <button type="submit" name="intent" value="refund" className="danger">
                Refund {formatMoney(review.refund)}
              </button>
              <Link to=".">Cancel</Link>
            </div>
          </Form>
        ) : (
          <Form method="post">
            <p className="small muted">
              {formatMoney(order.refundable.remaining)} can be refunded
              {order.refundable.until ? ` until ${order.refundable.until.slice(0, 10)}` : ""}.
            </p>
            <Field
              label={`Amount in ${order.total.currency}`}
              name="amount"
              inputMode="decimal"
              defaultValue={values?.amount ?? ""}
              hint="Leave empty to refund everything that is left."
              errors={refused?.fieldErrors?.amount}
            />
            <div className={`field${refused?.fieldErrors?.reason ? " invalid" : ""}`}>
              <label htmlFor="reason">Reason</label>
              <textarea
                id="reason"
                name="reason"
                rows={2}
                maxLength={500}
                defaultValue={values?.reason ?? ""}
              />
              {refused?.fieldErrors?.reason ? (
                <p className="field-error">{refused.fieldErrors.reason[0]}</p>
              ) : null}
            </div>
            <button type="submit" name="intent" value="review" className="secondary">
              Review refund
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}

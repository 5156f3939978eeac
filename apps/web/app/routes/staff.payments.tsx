import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { requireStaff } from "../.server/require-staff";
import { Field, FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Payment events — Staff" }];

const OUTCOMES = ["received", "processed", "unmatched", "failed"] as const;
type Outcome = (typeof OUTCOMES)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireStaff(context, request);
  const param = new URL(request.url).searchParams.get("outcome");
  const outcome = OUTCOMES.find((o) => o === param);
  return {
    events: await context.api.staff.payments.events(outcome ? { outcome } : {}),
    outcome: outcome ?? "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireStaff(context, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  if (intent === "reprocess") {
    const result = await attempt(() =>
      context.api.staff.payments.reprocess({ id: formString(form, "id") }),
    );
    return result.ok
      ? { ok: true as const, message: `Re-processed: ${result.value.outcome}.` }
      : failed(result);
  }
  if (intent === "refund") {
    const amountText = formString(form, "amount").trim();
    const result = await attempt(() =>
      context.api.staff.payments.refund({
        orderId: formString(form, "orderId").trim(),
        ...(amountText ? { amount: Number(amountText) } : {}),
      }),
    );
    return result.ok
      ? {
          ok: true as const,
          message: "Refund requested from the provider; access changes when its webhook arrives.",
        }
      : failed(result);
  }
  return failed(formFailure("Unknown action."));
}

export default function StaffPayments() {
  const { events, outcome } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="panel">
      <p>
        <Link to="/staff">← Staff</Link>
      </p>
      <h1>Payment events</h1>
      {result?.ok ? (
        <Notice tone="success">{result.message}</Notice>
      ) : (
        <FormError message={result?.formError} />
      )}
      <Form method="get" className="row">
        <select name="outcome" defaultValue={outcome} aria-label="Outcome">
          <option value="">All outcomes</option>
          {OUTCOMES.map((o: Outcome) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Filter
        </button>
      </Form>
      <table className="table" data-testid="payment-events">
        <thead>
          <tr>
            <th>Received</th>
            <th>Event</th>
            <th>Order</th>
            <th>Outcome</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.receivedAt).toUTCString()}</td>
              <td>
                {e.type}
                <br />
                <code className="small muted">{e.eventId}</code>
              </td>
              <td>
                <code className="small">{e.orderId ?? "—"}</code>
              </td>
              <td>
                <span className={`badge ${e.outcome === "processed" ? "" : "warn"}`}>
                  {e.outcome}
                </span>
                {e.error ? <p className="muted small">{e.error}</p> : null}
              </td>
              <td>
                <Form method="post">
                  <input type="hidden" name="id" value={e.id} />
                  <button type="submit" name="intent" value="reprocess" className="secondary small">
                    Re-process
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Refund an order</h2>
      <Form method="post" className="row" noValidate>
        <Field label="Order id" name="orderId" required />
        <Field label="Amount in minor units (empty = full)" name="amount" inputMode="numeric" />
        <button type="submit" name="intent" value="refund">
          Refund
        </button>
      </Form>
    </section>
  );
}

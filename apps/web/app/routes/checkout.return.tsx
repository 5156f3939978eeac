import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { orNotFound } from "../.server/not-found";
import { requireUser } from "../.server/require-user";
import { liveUpdateProblem } from "../lib/api-errors";
import { useLiveOrder } from "../lib/use-live-order";

export const meta: MetaFunction = () => [{ title: "Payment — DigiStore" }];

/**
 * The provider sends the buyer here. This page only reads: access is granted by the verified
 * webhook, so it says "processing" and the browser asks the API again until the webhook has
 * landed. The loader renders the state as of now, so without JavaScript a refresh is enough.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const orderId = new URL(request.url).searchParams.get("order") ?? "";
  const order = await orNotFound(context.api.checkout.status({ orderId }));
  return { order };
}

export default function CheckoutReturn() {
  const { order: rendered } = useLoaderData<typeof loader>();
  const { order, error } = useLiveOrder(rendered);
  const waiting = order.status === "pending";

  return (
    <section
      className="panel narrow"
      style={{ maxWidth: "34rem" }}
      data-testid="order-status"
      data-status={order.status}
    >
      {waiting ? (
        <>
          {/* Without JavaScript the page refreshes itself instead. */}
          <noscript>
            <meta httpEquiv="refresh" content="3" />
          </noscript>
          <h1>Processing your payment…</h1>
          <p className="muted">This usually takes a few seconds. This page updates by itself.</p>
          {error ? (
            <p className="muted small" role="status">
              {liveUpdateProblem(error)}
            </p>
          ) : null}
        </>
      ) : order.status === "paid" || order.status === "partially_refunded" ? (
        <>
          <h1>Thank you — it's yours</h1>
          {order.kind === "product" ? (
            <Form method="post" action="/library/download">
              <input type="hidden" name="productId" value={order.productId} />
              <button type="submit">Download</button>
            </Form>
          ) : (
            <p>
              Your support request is open. <Link to="/supports">Go to My Supports</Link>
            </p>
          )}
          <p className="muted">
            A receipt is on its way to your inbox. Find this purchase any time in{" "}
            <Link to="/library">My Products</Link>.
          </p>
        </>
      ) : (
        <>
          <h1>The payment did not go through</h1>
          <p>
            The order is <strong>{order.status}</strong>. Nothing was charged for it.
          </p>
          <p>
            <Link to="/orders">See your orders</Link>
          </p>
        </>
      )}
    </section>
  );
}

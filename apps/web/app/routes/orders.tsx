import { formatMoney } from "@digistore/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../.server/require-user";
import { OrderStatusBadge } from "../components/order-status-badge";

export const meta: MetaFunction = () => [{ title: "Order history — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return { orders: await context.api.library.orders() };
}

export default function Orders() {
  const { orders } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <h1>Order history</h1>
      {orders.length === 0 ? (
        <p className="muted">No orders yet.</p>
      ) : (
        <table className="table" data-testid="orders">
          <thead>
            <tr>
              <th>Date</th>
              <th>Product</th>
              <th>Amount</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>{new Date(o.createdAt).toUTCString()}</td>
                <td>
                  <Link to={`/products/${o.productSlug}`}>{o.productTitle}</Link>
                  {o.kind === "support" ? <span className="badge">support</span> : null}
                  <br />
                  <span className="muted small">Order {o.id}</span>
                </td>
                <td>
                  {formatMoney(o.total)}
                  {o.refunded.amount > 0 ? (
                    <span className="muted small"> ({formatMoney(o.refunded)} refunded)</span>
                  ) : null}
                </td>
                <td>
                  <OrderStatusBadge status={o.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { formatMoney } from "@digistore/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { orNotFound } from "../.server/not-found";
import { requireSeller } from "../.server/require-seller";
import { MoneyLines } from "../components/money-lines";
import { OrderStatusBadge } from "../components/order-status-badge";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.customer.name ?? "Customer"} — DigiStore` },
];

const ACCESS = { owner: "Owns it", suspended: "Suspended (dispute open)", revoked: "Revoked" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const customerId = params.id ?? "";
  const customer = await orNotFound(context.api.seller.customers.get({ customerId }));
  const [orders, requests] = await Promise.all([
    context.api.seller.orders.list({ filter: { customerId, status: "all" }, page: { limit: 100 } }),
    context.api.support.inbox({ customerId }),
  ]);
  return { customer, orders: orders.items, requests };
}

export default function SellerCustomer() {
  const { customer, orders, requests } = useLoaderData<typeof loader>();
  return (
    <div className="narrow" style={{ maxWidth: "48rem" }}>
      <p>
        <Link to="/seller/customers">← Customers</Link>
      </p>
      <h1>{customer.name}</h1>
      <section className="panel">
        <dl className="order-facts">
          <dt>Email</dt>
          <dd className="wrap-anywhere">{customer.email}</dd>
          <dt>First purchase</dt>
          <dd>{customer.firstPurchaseAt.slice(0, 10)}</dd>
          <dt>Spent (net)</dt>
          <dd data-testid="customer-spent">
            <MoneyLines amounts={customer.spent} />
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="holdings">
        <h2 id="holdings">Products</h2>
        <ul className="plain-list" data-testid="customer-products">
          {customer.products.map((p) => (
            <li key={p.id}>
              <span>{p.title}</span> <span className="muted">{ACCESS[p.access]}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="orders">
        <h2 id="orders">Orders</h2>
        <ul className="plain-list recent-orders" data-testid="customer-orders">
          {orders.map((o) => (
            <li key={o.id}>
              <span>
                <Link to={`/seller/orders/${o.id}`}>
                  {o.kind === "support" ? "Support: " : ""}
                  {o.productTitle}
                </Link>
                <span className="small muted order-buyer">{o.createdAt.slice(0, 10)}</span>
              </span>
              <span className="order-amount">
                {formatMoney(o.total)} <OrderStatusBadge status={o.status} />
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="support">
        <h2 id="support">Support requests</h2>
        {requests.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="plain-list" data-testid="customer-support">
            {requests.map((r) => (
              <li key={r.id}>
                <Link to={`/seller/support/${r.id}`}>{r.subject}</Link>{" "}
                <span className="muted">
                  {r.productTitle} · {r.status}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

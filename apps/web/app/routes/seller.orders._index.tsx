import { formatMoney } from "@digistore/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSeller } from "../.server/require-seller";
import { FormError } from "../components/form";
import { OrderStatusBadge } from "../components/order-status-badge";

export const meta: MetaFunction = () => [{ title: "Orders — DigiStore" }];

const FILTERS = ["status", "productId", "from", "to", "email"] as const;

const STATUS_OPTIONS = [
  ["", "Paid (all kinds)"],
  ["paid", "Paid"],
  ["partially_refunded", "Partly refunded"],
  ["refunded", "Refunded"],
  ["disputed", "Disputed"],
  ["pending", "Awaiting payment"],
  ["failed", "Failed"],
  ["all", "Every order"],
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const params = new URL(request.url).searchParams;
  const filter = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ""]));
  const cursor = params.get("cursor") || undefined;
  const [products, page] = await Promise.all([
    context.api.seller.products.list(),
    context.api.seller.orders
      .list({ filter, page: { limit: 25, ...(cursor ? { cursor } : {}) } })
      .then((value) => ({ ok: true as const, value }))
      .catch((error: Error & { code?: string }) => {
        if (error.code !== "BAD_REQUEST") throw error;
        return { ok: false as const, message: error.message };
      }),
  ]);
  return { filter, products, page };
}

export default function SellerOrders() {
  const { filter, products, page } = useLoaderData<typeof loader>();
  const query = new URLSearchParams(
    Object.entries(filter).filter(([, value]) => value !== ""),
  ).toString();
  return (
    <>
      <p>
        <Link to="/seller">← Dashboard</Link>
      </p>
      <div className="title-row">
        <h1>Orders</h1>
        <div className="actions">
          <a href={`/seller/orders.csv?${query}`} className="button secondary" download>
            Download CSV
          </a>
        </div>
      </div>
      <form method="get" className="filter-bar" aria-label="Filter orders">
        <label>
          Status
          <select name="status" defaultValue={filter.status}>
            {STATUS_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Product
          <select name="productId" defaultValue={filter.productId}>
            <option value="">All products</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={filter.to} />
        </label>
        <label>
          Buyer email
          <input type="search" name="email" defaultValue={filter.email} maxLength={200} />
        </label>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      {!page.ok ? (
        <FormError message={page.message} />
      ) : page.value.items.length === 0 ? (
        <p className="muted">No orders match.</p>
      ) : (
        <div className="table-scroll">
          <table className="table wide-table" data-testid="seller-orders">
            <thead>
              <tr>
                <th scope="col">Placed</th>
                <th scope="col">Product</th>
                <th scope="col">Buyer</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {page.value.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/seller/orders/${o.id}`}>
                      {o.createdAt.slice(0, 16).replace("T", " ")}
                    </Link>
                  </td>
                  <td>
                    {o.kind === "support" ? "Support: " : ""}
                    {o.productTitle}
                  </td>
                  <td className="wrap-anywhere">{o.buyerEmail}</td>
                  <td>{formatMoney(o.total)}</td>
                  <td>
                    <OrderStatusBadge status={o.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.ok && page.value.nextCursor ? (
        <p>
          <Link
            to={`?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), cursor: page.value.nextCursor })}`}
          >
            Older orders →
          </Link>
        </p>
      ) : null}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireSeller } from "../.server/require-seller";
import { STATUS_LABELS } from "../components/support-thread";

export const meta: MetaFunction = () => [{ title: "Support inbox — DigiStore" }];

const FILTERS = ["open", "answered", "resolved", "closed", "cancelled"] as const;
type Filter = (typeof FILTERS)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const params = new URL(request.url).searchParams;
  const status = FILTERS.find((f) => f === params.get("status"));
  const productId = params.get("product")?.slice(0, 64) || undefined;
  const [requests, products] = await Promise.all([
    context.api.support.inbox({
      ...(status ? { status } : {}),
      ...(productId ? { productId } : {}),
    }),
    context.api.seller.products.list(),
  ]);
  return {
    requests,
    products: products.map((p) => ({ id: p.id, title: p.title })),
    status: status ?? "",
    productId: productId ?? "",
  };
}

export default function SupportInbox() {
  const { requests, products, status, productId } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <h1>Support inbox</h1>
      <Form method="get" className="row">
        <select name="status" defaultValue={status} aria-label="Status">
          <option value="">All statuses</option>
          {FILTERS.map((f: Filter) => (
            <option key={f} value={f}>
              {STATUS_LABELS[f]}
            </option>
          ))}
        </select>
        <select name="product" defaultValue={productId} aria-label="Product">
          <option value="">All products</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Filter
        </button>
      </Form>
      {requests.length === 0 ? (
        <p className="muted">No support requests here.</p>
      ) : (
        <table className="table" data-testid="support-inbox">
          <thead>
            <tr>
              <th>Request</th>
              <th>Customer</th>
              <th>Product</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/seller/support/${r.id}`}>{r.subject}</Link>{" "}
                  {r.unread ? <span className="badge">unread</span> : null}
                </td>
                <td>{r.customerName}</td>
                <td>{r.productTitle}</td>
                <td>{STATUS_LABELS[r.status] ?? r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

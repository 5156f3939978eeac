import { formatMoney } from "@digistore/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSeller } from "../.server/require-seller";

export const meta: MetaFunction = () => [{ title: "Your products — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  return { products: await context.api.seller.products.list() };
}

export default function SellerProducts() {
  const { products } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="title-row">
        <h1>Your products</h1>
        <div className="actions">
          <Link to="/seller/discounts" className="button secondary">
            Discount codes
          </Link>
          <Link to="/seller/products/new" className="button">
            New product
          </Link>
        </div>
      </div>
      {products.length === 0 ? (
        <p className="muted">
          You have no products yet. Create one, upload its first version, and publish it.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Product</th>
              <th>Status</th>
              <th>Price</th>
              <th>Sales</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/seller/products/${p.id}`}>{p.title}</Link>{" "}
                  {p.updated ? <span className="badge updated">Updated</span> : null}
                </td>
                <td>
                  <span className={`badge ${p.status === "published" ? "" : "warn"}`}>
                    {p.status}
                  </span>
                </td>
                <td>{formatMoney(p.price)}</td>
                <td>{p.salesCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSeller } from "../.server/require-seller";
import { DiscountStateBadge, Revenue, validityLabel } from "../components/discount-terms";

export const meta: MetaFunction = () => [{ title: "Discount codes — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  return { discounts: await context.api.seller.discounts.list() };
}

export default function SellerDiscounts() {
  const { discounts } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="title-row">
        <h1>Discount codes</h1>
        <Link to="/seller/discounts/new" className="button">
          New code
        </Link>
      </div>
      {discounts.length === 0 ? (
        <p className="muted">
          No codes yet. A code takes a percentage or an amount off some or all of your products, for
          a time and a number of uses you choose.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Code</th>
                <th>Takes off</th>
                <th>Valid</th>
                <th>Uses</th>
                <th>Revenue</th>
              </tr>
            </thead>
            <tbody>
              {discounts.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/seller/discounts/${d.id}`} className="license-key">
                      {d.code}
                    </Link>{" "}
                    <DiscountStateBadge terms={d} />
                  </td>
                  <td>
                    {d.label}
                    <br />
                    <span className="muted small">
                      {d.allProducts ? "all products" : `${d.products.length} product(s)`}
                    </span>
                  </td>
                  <td>{validityLabel(d)}</td>
                  <td>
                    {d.redemptions}
                    {d.maxRedemptions === null ? "" : ` of ${d.maxRedemptions}`}
                    {d.holds > 0 ? (
                      <>
                        <br />
                        <span className="muted small">{d.holds} at checkout</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Revenue amounts={d.revenue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

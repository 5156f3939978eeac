import { formatMoney } from "@digistore/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed } from "../.server/form-result";
import { orNotFound } from "../.server/not-found";
import { requireSeller } from "../.server/require-seller";
import { DiscountStateBadge, Revenue, validityLabel } from "../components/discount-terms";
import { FormError } from "../components/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.discount.code} — Discount codes — DigiStore` : "Discount code" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const discount = await orNotFound(
    context.api.seller.discounts.get({ discountId: params.id ?? "" }),
  );
  return { discount, publicUrl: context.publicUrl };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSeller(context, request);
  const form = await request.formData();
  const discountId = params.id ?? "";
  const result = await attempt(() =>
    context.api.seller.discounts.setDisabled({
      discountId,
      disabled: form.get("disabled") === "true",
    }),
  );
  if (!result.ok) return failed(result);
  return redirect(`/seller/discounts/${discountId}`);
}

export default function DiscountPage() {
  const { discount: d, publicUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const share = (slug: string) =>
    `${publicUrl}/products/${encodeURIComponent(slug)}?code=${encodeURIComponent(d.code)}`;
  return (
    <>
      <p>
        <Link to="/seller/discounts">← Discount codes</Link>
      </p>
      <div className="title-row">
        <h1>{d.code}</h1>
        <DiscountStateBadge terms={d} />
      </div>
      <FormError message={result?.formError} />
      <section className="panel">
        <ul className="plain-list">
          <li>
            <strong>{d.label}</strong>{" "}
            {d.allProducts ? "on all your products" : `on ${d.products.length} product(s)`}
          </li>
          <li>Valid: {validityLabel(d)}</li>
          <li>
            Uses: {d.redemptions} paid
            {d.maxRedemptions === null ? " (unlimited)" : ` of ${d.maxRedemptions}`}
            {d.holds > 0 ? `, ${d.holds} at checkout now` : ""} ·{" "}
            {d.perCustomerLimit === null
              ? "no limit per customer"
              : `${d.perCustomerLimit} per customer`}
          </li>
          <li>
            Revenue (net of refunds): <Revenue amounts={d.revenue} />
          </li>
        </ul>
        <Form method="post">
          <input type="hidden" name="disabled" value={d.disabled ? "false" : "true"} />
          <button type="submit" className="secondary">
            {d.disabled ? "Start the code again" : "Stop the code"}
          </button>
        </Form>
      </section>
      <section aria-labelledby="share">
        <h2 id="share">Share links</h2>
        <p className="muted small">Each link opens the product with the code filled in.</p>
        {d.products.length === 0 ? (
          <p className="muted">No published products yet.</p>
        ) : (
          <ul className="plain-list">
            {d.products.map((p) => (
              <li key={p.id}>
                {p.title}
                <br />
                <code className="wrap-anywhere">{share(p.slug)}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="redemptions">
        <h2 id="redemptions">Orders with this code</h2>
        {d.recent.length === 0 ? (
          <p className="muted">No one has used it yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Customer</th>
                  <th>Product</th>
                  <th>Before the code</th>
                  <th>Paid</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {d.recent.map((r) => (
                  <tr key={r.orderId}>
                    <td>
                      {new Date(r.createdAt).toLocaleDateString("en-US", { timeZone: "UTC" })}
                    </td>
                    <td>
                      {r.buyer.name}
                      <br />
                      <span className="muted small wrap-anywhere">{r.buyer.email}</span>
                    </td>
                    <td>{r.productTitle}</td>
                    <td>
                      <s className="muted">{formatMoney(r.listPrice)}</s>
                    </td>
                    <td>{formatMoney(r.paid)}</td>
                    <td>
                      <span className="badge">{r.status.replace("_", " ")}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

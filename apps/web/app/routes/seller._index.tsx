import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, orNotFound } from "../.server/not-found";
import { requireSeller } from "../.server/require-seller";
import { FormError } from "../components/form";
import { revalidateUnlessOnly } from "../lib/revalidate-on-change";
import { dashboardQuery, SellerDashboardPanel } from "../components/seller-dashboard-panel";

export const meta: MetaFunction = () => [{ title: "Dashboard — DigiStore" }];

/** Switching range or product is the panel's own query through the typed client. */
export const shouldRevalidate = revalidateUnlessOnly("days", "from", "to", "product");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const query = dashboardQuery(new URL(request.url).searchParams);
  try {
    return { dashboard: await context.api.seller.dashboard(query), query, problem: null };
  } catch (error) {
    // A range that cannot be shown (typed into the dates) shows why, over the default range.
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "FORBIDDEN") notFound();
    if (code !== "BAD_REQUEST") throw error;
    const fallback = { days: 30 as const, productId: query.productId };
    const dashboard = await orNotFound(context.api.seller.dashboard(fallback));
    return { dashboard, query: fallback, problem: (error as Error).message };
  }
}

export default function SellerHome() {
  const { dashboard, query, problem } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="title-row">
        <h1>Dashboard</h1>
        <nav className="actions" aria-label="Seller area">
          <Link to="/seller/orders" className="button secondary">
            Orders
          </Link>
          <Link to="/seller/customers" className="button secondary">
            Customers
          </Link>
          <Link to="/seller/products" className="button secondary">
            Products
          </Link>
          <Link to="/seller/support" className="button secondary">
            Support inbox
          </Link>
          <Link to="/seller/discounts" className="button secondary">
            Discount codes
          </Link>
          <Link to="/links" className="button secondary">
            Links
          </Link>
        </nav>
      </div>
      {problem ? <FormError message={problem} /> : null}
      <SellerDashboardPanel initial={dashboard} initialQuery={query} />
    </>
  );
}

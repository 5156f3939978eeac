import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSeller } from "../.server/require-seller";
import { FormError } from "../components/form";
import { MoneyLines } from "../components/money-lines";

export const meta: MetaFunction = () => [{ title: "Customers — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const params = new URL(request.url).searchParams;
  const search = params.get("search") ?? "";
  const cursor = params.get("cursor") || undefined;
  try {
    const page = await context.api.seller.customers.list({
      search,
      page: { limit: 25, ...(cursor ? { cursor } : {}) },
    });
    return { search, page, problem: null };
  } catch (error) {
    if ((error as { code?: string }).code !== "BAD_REQUEST") throw error;
    return { search, page: null, problem: (error as Error).message };
  }
}

export default function SellerCustomers() {
  const { search, page, problem } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/seller">← Dashboard</Link>
      </p>
      <div className="title-row">
        <h1>Customers</h1>
        <div className="actions">
          <a
            href={`/seller/customers.csv?${new URLSearchParams(search ? { search } : {})}`}
            className="button secondary"
            download
          >
            Download CSV
          </a>
        </div>
      </div>
      <form method="get" className="filter-bar" aria-label="Search customers">
        <label>
          Name or email
          <input type="search" name="search" defaultValue={search} maxLength={200} />
        </label>
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      <FormError message={problem ?? undefined} />
      {page && page.items.length === 0 ? (
        <p className="muted">No customers{search ? " match" : " yet"}.</p>
      ) : null}
      {page && page.items.length > 0 ? (
        <div className="table-scroll">
          <table className="table wide-table" data-testid="seller-customers">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">First purchase</th>
                <th scope="col">Products</th>
                <th scope="col">Spent (net)</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id}>
                  <td className="wrap-anywhere">
                    <Link to={`/seller/customers/${c.id}`}>{c.name}</Link>
                    <span className="small muted money-line">{c.email}</span>
                  </td>
                  <td>{c.firstPurchaseAt.slice(0, 10)}</td>
                  <td>{c.products.map((p) => p.title).join(", ") || "—"}</td>
                  <td>
                    <MoneyLines amounts={c.spent} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page?.nextCursor ? (
        <p>
          <Link
            to={`?${new URLSearchParams({ ...(search ? { search } : {}), cursor: page.nextCursor })}`}
          >
            More customers →
          </Link>
        </p>
      ) : null}
    </>
  );
}

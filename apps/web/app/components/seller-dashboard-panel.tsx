import { formatMoney } from "@digistore/core";
import { Link, useSearchParams } from "@remix-run/react";
import type { DigiStoreLoadContext } from "../../load-context";
import { periodChange, reportRange } from "../lib/report-range";
import { trpc } from "../lib/trpc";
import type { RouterOutputs } from "../lib/trpc-types";
import { DayChart } from "./day-chart";
import { MoneyLines } from "./money-lines";
import { OrderStatusBadge } from "./order-status-badge";
import { RangeSwitch } from "./range-switch";

type Fetched = RouterOutputs["seller"]["dashboard"];
/** The loader's value: the same shape, read-only as the domain returns it. */
type Dashboard = Awaited<ReturnType<DigiStoreLoadContext["api"]["seller"]["dashboard"]>>;

/** What the page's query string asks for: `days`, or a custom `from`..`to`, and a product. */
export function dashboardQuery(params: URLSearchParams): {
  days?: number;
  from?: string;
  to?: string;
  productId: string;
} {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const productId = params.get("product") ?? "";
  return from || to
    ? { from, to, productId }
    : { days: reportRange(params.get("days")), productId };
}

const count = (n: number) => n.toLocaleString("en");
const percent = (part: number, whole: number) =>
  whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`;

/**
 * The seller's numbers for a range and optionally one product: money per currency (never added
 * across currencies) with the previous period, charts per day, top products and recent orders.
 * The loader renders the first view; range and product switches refetch through the typed
 * client, and every switch is also a plain link or GET form that works without JavaScript.
 */
export function SellerDashboardPanel({
  initial,
  initialQuery,
}: {
  initial: Dashboard;
  /** What the loader asked for `initial` with. */
  initialQuery: ReturnType<typeof dashboardQuery>;
}) {
  const [params, setParams] = useSearchParams();
  const asked = dashboardQuery(params);
  const query = trpc.seller.dashboard.useQuery(asked, {
    // The same value: tRPC's output type differs only in dropping `readonly`.
    initialData:
      JSON.stringify(asked) === JSON.stringify(initialQuery) ? (initial as Fetched) : undefined,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
  const data = query.data ?? (initial as Fetched);
  const days = data.daily.dates.length;
  const product = data.productId ?? "";
  const keep = (next: Record<string, string>) => {
    const merged = new URLSearchParams();
    if (product) merged.set("product", product);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    // The route does not revalidate for this (shouldRevalidate): the query fetches.
    setParams(merged, { replace: true, preventScrollReset: true });
  };
  const { current, previous } = data.counts;
  return (
    <section className="seller-dashboard" aria-busy={query.isFetching}>
      <div className="row spread dashboard-controls">
        <RangeSwitch
          days={asked.days ?? 0}
          extra={product ? { product } : {}}
          onSelect={(range) => keep({ days: String(range) })}
        />
        <form method="get" className="row dashboard-filter">
          <label>
            <span className="sr-only">Product</span>
            <select
              name="product"
              defaultValue={product}
              onChange={(event) => {
                const { from, to } = data;
                keep(
                  asked.days
                    ? { days: String(asked.days), product: event.currentTarget.value }
                    : { from, to, product: event.currentTarget.value },
                );
              }}
              data-testid="dashboard-product"
            >
              <option value="">All products</option>
              {data.products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            From <input type="date" name="from" defaultValue={data.from} required />
          </label>
          <label>
            to <input type="date" name="to" defaultValue={data.to} required />
          </label>
          <button type="submit" className="secondary small">
            Show
          </button>
        </form>
      </div>
      <p className="muted small" data-testid="dashboard-range">
        {data.from} to {data.to} ({data.timezone}, <Link to="/account#timezone">change</Link>) · by
        order date · compared with {data.previous.from} to {data.previous.to}
      </p>
      {query.error ? <p className="form-error">{query.error.message}</p> : null}

      <dl className="stats">
        <div>
          <dt>Net revenue</dt>
          <dd data-testid="dashboard-net">
            <MoneyLines
              amounts={data.currencies.map((c) => ({
                amount: c.products.current.net,
                currency: c.currency,
              }))}
            />
          </dd>
          <dd className="small muted">
            {data.currencies.map((c) => (
              <span key={c.currency} className="money-line">
                {c.currency}: {periodChange(c.products.current.net, c.products.previous.net, days)}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>Sales</dt>
          <dd data-testid="dashboard-sales">{count(current.sales)}</dd>
          <dd className="small muted">{periodChange(current.sales, previous.sales, days)}</dd>
        </div>
        <div>
          <dt>New customers</dt>
          <dd data-testid="dashboard-customers">{count(current.newCustomers)}</dd>
          <dd className="small muted">
            {periodChange(current.newCustomers, previous.newCustomers, days)}
          </dd>
        </div>
        <div>
          <dt>Refund rate</dt>
          <dd data-testid="dashboard-refund-rate">
            {percent(current.refundedSales, current.sales)}
          </dd>
          <dd className="small muted">before: {percent(previous.refundedSales, previous.sales)}</dd>
        </div>
        <div>
          <dt>Support revenue</dt>
          <dd data-testid="dashboard-support">
            <MoneyLines
              amounts={data.currencies
                .filter((c) => c.support.current.sales > 0)
                .map((c) => ({ amount: c.support.current.net, currency: c.currency }))}
            />
          </dd>
          <dd className="small muted">
            <Link to="/seller/support">{count(data.openSupportRequests)} open requests</Link>
          </dd>
        </div>
      </dl>

      {data.currencies.length > 0 ? (
        <table className="table money-table" data-testid="dashboard-currencies">
          <caption className="sr-only">Revenue per currency</caption>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">Gross</th>
              <th scope="col">Refunds</th>
              <th scope="col">Disputes lost</th>
              <th scope="col">Net</th>
              <th scope="col">Average order</th>
            </tr>
          </thead>
          <tbody>
            {data.currencies.map((c) => {
              const money = (amount: number) => formatMoney({ amount, currency: c.currency });
              const f = c.products.current;
              return (
                <tr key={c.currency}>
                  <th scope="row">{c.currency}</th>
                  <td>{money(f.gross)}</td>
                  <td>{money(f.refunds)}</td>
                  <td>{money(f.disputeLosses)}</td>
                  <td>{money(f.net)}</td>
                  <td>{f.sales ? money(Math.round(f.gross / f.sales)) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      {data.daily.net.map((series) => (
        <div key={series.currency}>
          <h2 className="chart-title">Net revenue per day, {series.currency}</h2>
          <DayChart
            label={`Net revenue per day in ${series.currency}`}
            dates={data.daily.dates}
            series={[
              { name: "products", tone: "primary", values: series.products },
              { name: "support", tone: "faint", values: series.support },
            ]}
            format={(amount) => formatMoney({ amount, currency: series.currency })}
          />
        </div>
      ))}
      <h2 className="chart-title">Sales per day</h2>
      <DayChart
        label="Sales per day"
        dates={data.daily.dates}
        series={[{ name: "sales", tone: "primary", values: data.daily.sales }]}
        format={count}
      />

      <div className="dashboard-lists">
        {data.productId ? null : (
          <section aria-labelledby="top-products">
            <h2 id="top-products">Top products</h2>
            {data.topProducts.length === 0 ? (
              <p className="muted small">No sales in this range.</p>
            ) : (
              <table className="table" data-testid="top-products">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Sales</th>
                    <th scope="col">Net</th>
                  </tr>
                </thead>
                <tbody>
                  {data.topProducts.map((p) => (
                    <tr key={p.productId}>
                      <td>
                        <Link to={`?${new URLSearchParams({ product: p.productId })}`}>
                          {p.title}
                        </Link>
                      </td>
                      <td>{count(p.sales)}</td>
                      <td>
                        <MoneyLines amounts={p.net} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
        <section aria-labelledby="recent-orders">
          <h2 id="recent-orders">
            Recent orders{" "}
            <Link to="/seller/orders" className="small">
              All orders →
            </Link>
          </h2>
          {data.recentOrders.length === 0 ? (
            <p className="muted small">No orders yet.</p>
          ) : (
            <ul className="plain-list recent-orders" data-testid="recent-orders">
              {data.recentOrders.map((o) => (
                <li key={o.id}>
                  <span>
                    <Link to={`/seller/orders/${o.id}`}>
                      {o.kind === "support" ? "Support: " : ""}
                      {o.productTitle}
                    </Link>
                    <span className="small muted order-buyer"> {o.buyerEmail}</span>
                  </span>
                  <span className="order-amount">
                    {formatMoney(o.total)}
                    {o.status === "paid" ? null : <OrderStatusBadge status={o.status} />}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}

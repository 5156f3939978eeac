import { formatMoney } from "@digistore/core";
import { useSearchParams } from "@remix-run/react";
import { trpc } from "../lib/trpc";
import type { DigiStoreLoadContext } from "../../load-context";
import type { RouterOutputs } from "../lib/trpc-types";
import { periodChange, reportRange, type ReportRange } from "../lib/report-range";
import { DayChart } from "./day-chart";
import { RangeSwitch } from "./range-switch";

type Fetched = RouterOutputs["links"]["analytics"];
/** The loader's value: the same shape, read-only as the domain returns it. */
type Analytics = Awaited<ReturnType<DigiStoreLoadContext["api"]["links"]["analytics"]>>;

const FACETS = [
  ["referrer", "Referrers"],
  ["country", "Countries"],
  ["device", "Devices"],
  ["browser", "Browsers"],
  ["os", "Systems"],
] as const;

const count = (n: number) => n.toLocaleString("en");

/**
 * Clicks, visitors, where they came from and the sales they brought, for one range. The
 * loader renders the first range; the range switch refetches through the typed client (links
 * with `?days=` keep working without JavaScript).
 */
export function LinkAnalyticsPanel({
  initial,
  initialDays,
}: {
  initial: Analytics;
  initialDays: ReportRange;
}) {
  const [params, setParams] = useSearchParams();
  const days = params.has("days") ? reportRange(params.get("days")) : initialDays;
  const query = trpc.links.analytics.useQuery(
    { linkId: initial.linkId, days, timezone: initial.timezone },
    {
      // The same value: tRPC's output type differs only in dropping `readonly`.
      initialData: days === initialDays ? (initial as Fetched) : undefined,
      placeholderData: (previous) => previous,
      staleTime: 30_000,
    },
  );
  const data = query.data ?? (initial as Fetched);
  const { totals, previous } = data;
  return (
    <section
      className="panel link-analytics"
      aria-labelledby="link-analytics"
      aria-busy={query.isFetching}
    >
      <div className="row spread">
        <h2 id="link-analytics">Analytics</h2>
        <RangeSwitch
          days={days}
          onSelect={(range) =>
            // The route does not revalidate for this (shouldRevalidate): the query fetches.
            setParams({ days: String(range) }, { replace: true, preventScrollReset: true })
          }
        />
      </div>
      <p className="muted small" data-testid="analytics-range">
        {data.from} to {data.to} ({data.timezone}) · bots are counted apart and left out ·{" "}
        <a
          href={`/links/${data.linkId}/analytics.csv?${new URLSearchParams({ from: data.from, to: data.to, timezone: data.timezone })}`}
          download
          data-testid="analytics-csv"
        >
          Daily figures (CSV)
        </a>
      </p>
      {query.error ? <p className="form-error">{query.error.message}</p> : null}
      <dl className="stats">
        <div>
          <dt>Clicks</dt>
          <dd data-testid="analytics-clicks">{count(totals.clicks)}</dd>
          <dd className="small muted">
            {periodChange(totals.clicks, previous.totals.clicks, days)}
          </dd>
        </div>
        <div>
          <dt>Unique visitors</dt>
          <dd data-testid="analytics-visitors">{count(totals.uniqueVisitors)}</dd>
          <dd className="small muted">
            {periodChange(totals.uniqueVisitors, previous.totals.uniqueVisitors, days)}
          </dd>
        </div>
        <div>
          <dt>Sales</dt>
          <dd data-testid="analytics-sales">{count(data.sales.count)}</dd>
          <dd className="small muted">
            {data.conversion === null
              ? "no visitors yet"
              : `${(data.conversion * 100).toFixed(1)}% of visitors bought`}
          </dd>
        </div>
        <div>
          <dt>Revenue (net of refunds)</dt>
          <dd data-testid="analytics-revenue">
            {data.sales.byCurrency.length === 0
              ? "—"
              : data.sales.byCurrency.map((c) => (
                  <span key={c.currency} className="money-line">
                    {formatMoney(c.netRevenue)}
                  </span>
                ))}
          </dd>
          <dd className="small muted">bots: {count(totals.botClicks)} clicks</dd>
        </div>
      </dl>
      <DayChart
        label="Clicks per day"
        dates={data.daily.map((d) => d.date)}
        series={[
          { name: "people", tone: "primary", values: data.daily.map((d) => d.clicks) },
          { name: "bots", tone: "faint", values: data.daily.map((d) => d.botClicks) },
        ]}
        format={count}
      />
      <div className="facet-lists">
        {FACETS.map(([facet, title]) => (
          <div key={facet}>
            <h3>{title}</h3>
            {data.top[facet].length === 0 ? (
              <p className="muted small">None yet.</p>
            ) : (
              <ol className="facet-list" data-testid={`top-${facet}`}>
                {data.top[facet].map((row) => (
                  <li key={row.value}>
                    <span>{row.value}</span> <span className="muted">{count(row.clicks)}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

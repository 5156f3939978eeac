import { REPORT_RANGES, type ReportRange } from "../lib/report-range";

/**
 * Links to `?days=N` (they work without JavaScript); with it, `onSelect` switches in place and
 * the page's own query fetches the range through the typed client.
 */
export function RangeSwitch({
  days,
  onSelect,
  extra = {},
}: {
  days: number;
  onSelect: (range: ReportRange) => void;
  /** Other query parameters the links keep (e.g. the chosen product). */
  extra?: Record<string, string>;
}) {
  return (
    <nav className="range-switch" aria-label="Range">
      {REPORT_RANGES.map((range) => (
        <a
          key={range}
          href={`?${new URLSearchParams({ ...extra, days: String(range) })}`}
          aria-current={range === days ? "true" : undefined}
          onClick={(event) => {
            event.preventDefault();
            onSelect(range);
          }}
        >
          {range} days
        </a>
      ))}
    </nav>
  );
}

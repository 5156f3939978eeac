/** One series of a day chart: a value per day, drawn as bars stacked in the order given. */
export interface DaySeries {
  readonly name: string;
  /** A CSS class for the bars and the legend swatch (colour lives in the stylesheet). */
  readonly tone: string;
  readonly values: readonly number[];
}

interface DayChartProps {
  /** What the chart shows, e.g. "Clicks per day": the SVG's accessible name and the table's caption. */
  readonly label: string;
  /** Calendar dates (YYYY-MM-DD), one per bar. */
  readonly dates: readonly string[];
  readonly series: readonly DaySeries[];
  readonly format?: (value: number) => string;
}

const WIDTH = 720;
const HEIGHT = 160;

const shortDate = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/** A round maximum for the axis, so its label reads like a number a person would pick. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((n) => n * power >= value) ?? 10;
  return step * power;
}

/**
 * A bar per day, rendered on the server as SVG: it reads without JavaScript, each bar names its
 * day and values (the browser shows it as a tooltip), and a table behind it carries the same
 * numbers for screen readers. Reused wherever the store charts days (links, the dashboard).
 */
export function DayChart({ label, dates, series, format = String }: DayChartProps) {
  const totals = dates.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const peak = Math.max(0, ...totals);
  const top = niceCeiling(peak);
  const slot = WIDTH / Math.max(1, dates.length);
  const bar = Math.max(1, slot * 0.8);
  // Labels are HTML, not SVG text: the chart stretches to the screen and text must not.
  const ticks = dates.length > 2 ? [0, Math.floor((dates.length - 1) / 2), dates.length - 1] : [0];
  return (
    <figure className="day-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${label}: ${format(totals.reduce((a, b) => a + b, 0))} in all, at most ${format(peak)} a day`}
        preserveAspectRatio="none"
      >
        <line className="axis" x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
        <line className="grid" x1={0} x2={WIDTH} y1={1} y2={1} />
        {dates.map((date, i) => {
          let base = HEIGHT;
          const tip = `${shortDate(date)}: ${series.map((s) => `${format(s.values[i] ?? 0)} ${s.name}`).join(", ")}`;
          return (
            <g key={date} className="day" data-date={date}>
              <title>{tip}</title>
              {/* A full-height target, so the tooltip is reachable on small bars too. */}
              <rect className="hit" x={i * slot} y={0} width={slot} height={HEIGHT} />
              {series.map((s) => {
                const h = ((s.values[i] ?? 0) / top) * (HEIGHT - 2);
                base -= h;
                return h > 0 ? (
                  <rect
                    key={s.name}
                    className={`bar ${s.tone}`}
                    x={i * slot + (slot - bar) / 2}
                    y={base}
                    width={bar}
                    height={h}
                  />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <div className="day-chart-top small muted" aria-hidden="true">
        {format(top)}
      </div>
      <div className="day-chart-axis small muted" aria-hidden="true">
        {ticks.map((i) => (
          <span key={i}>{dates[i] ? shortDate(dates[i]) : ""}</span>
        ))}
      </div>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dates.map((date, i) => (
            <tr key={date}>
              <th scope="row">{date}</th>
              {series.map((s) => (
                <td key={s.name}>{format(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {series.length > 1 ? (
        <figcaption className="legend small">
          {series.map((s) => (
            <span key={s.name}>
              <i className={`swatch ${s.tone}`} aria-hidden="true" /> {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}

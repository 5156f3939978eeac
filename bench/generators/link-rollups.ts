import { createDb, type ClickFacet } from "@digistore/db";
import type { Kysely } from "kysely";
import type { Database } from "@digistore/db";
import { seedShortLink, type SeededLink } from "./short-link";

/**
 * A load generator, not app code: a year of one link's rollups written straight into
 * `link_click_hours` (a row for every hour), `link_click_facets` (per UTC day) and
 * `link_click_facet_months`, as the
 * click recorder would have left them after `clicks` human clicks — analytics read only
 * these, so 10,000,000 clicks need no 10,000,000 click rows. Deterministic: the same shape
 * gives the same rows.
 */

export interface RollupShape {
  /** The link's slug: one database can hold links of several sizes. */
  readonly slug: string;
  /** Human clicks over the whole span (bots come on top, ~3%). */
  readonly clicks: number;
  /** UTC days covered, ending with the day after `now` (so any zone's "today" is inside). */
  readonly days: number;
  readonly now: Date;
}

export interface GeneratedRollups {
  readonly link: SeededLink;
  readonly hourRows: number;
  readonly facetRows: number;
  readonly clicks: number;
  /** Human clicks by hour start (ms), to check what a read of a range adds up to. */
  readonly clicksByHour: Map<number, number>;
  readonly insertMs: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const ROWS_PER_STATEMENT = 400;

/**
 * How many distinct values each facet has to draw from, most popular first with Zipf-like
 * weights: a link with tens of thousands of clicks a day sees every one of them daily,
 * one with a few dozen only the head. Referrer "(direct)" and country "(unknown)" as the
 * recorder writes them.
 */
const POOLS: Record<ClickFacet, string[]> = {
  referrer: ["(direct)", ...Array.from({ length: 399 }, (_, i) => `site-${i + 1}.example`)],
  device: ["desktop", "mobile", "tablet", "other"],
  browser: Array.from({ length: 24 }, (_, i) => `Browser ${i + 1}`),
  os: Array.from({ length: 10 }, (_, i) => `OS ${i + 1}`),
  country: ["(unknown)", ...countryCodes(119)],
};

function countryCodes(n: number): string[] {
  const codes: string[] = [];
  for (let i = 0; codes.length < n; i++)
    codes.push(String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));
  return codes;
}

function zipf(n: number, s = 1.1): number[] {
  const raw = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}

/** Splits `total` over `weights` in whole numbers that add up exactly (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const exact = weights.map((w) => w * total);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    whole[i]! += 1;
  }
  return whole;
}

/** Busier in the (UTC) afternoon and on weekdays, and growing over the year. */
function hourWeights(startMs: number, hours: number): number[] {
  return Array.from({ length: hours }, (_, i) => {
    const at = new Date(startMs + i * HOUR_MS);
    const daily = 1 + 0.6 * Math.sin(((at.getUTCHours() - 9) / 24) * 2 * Math.PI);
    const weekly = at.getUTCDay() === 0 || at.getUTCDay() === 6 ? 0.7 : 1.1;
    return daily * weekly * (0.6 + (0.8 * i) / hours);
  });
}

async function insertChunks<T>(
  db: Kysely<Database>,
  table: "link_click_hours" | "link_click_facets" | "link_click_facet_months",
  rows: T[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT)
      await trx
        .insertInto(table)
        .values(rows.slice(from, from + ROWS_PER_STATEMENT) as never)
        .execute();
  });
}

/** Migrates `databaseUrl`, makes one link and writes its rollups for `shape.clicks` clicks. */
export async function generateLinkRollups(
  databaseUrl: string,
  shape: RollupShape,
): Promise<GeneratedRollups> {
  const link = await seedShortLink(databaseUrl, shape.slug);
  const started = performance.now();
  const endMs = Math.floor(shape.now.getTime() / DAY_MS) * DAY_MS + 2 * DAY_MS;
  const startMs = endMs - shape.days * DAY_MS;
  const hourCount = shape.days * 24;
  const weights = hourWeights(startMs, hourCount);
  const sum = weights.reduce((a, b) => a + b, 0);
  const perHour = apportion(
    shape.clicks,
    weights.map((w) => w / sum),
  );

  const clicksByHour = new Map<number, number>();
  const hourRows = perHour.map((clicks, i) => {
    const ms = startMs + i * HOUR_MS;
    clicksByHour.set(ms, clicks);
    return {
      link_id: link.linkId,
      hour: new Date(ms).toISOString(),
      clicks,
      unique_visitors: Math.round(clicks * 0.7),
      bot_clicks: Math.round(clicks * 0.03),
    };
  });

  const shares = Object.fromEntries(
    Object.entries(POOLS).map(([facet, values]) => [facet, zipf(values.length)]),
  ) as Record<ClickFacet, number[]>;
  const facetRows: {
    link_id: string;
    day: string;
    facet: ClickFacet;
    value: string;
    clicks: number;
  }[] = [];
  for (let d = 0; d < shape.days; d++) {
    const dayClicks = perHour.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0);
    const day = new Date(startMs + d * DAY_MS).toISOString().slice(0, 10);
    for (const facet of Object.keys(POOLS) as ClickFacet[]) {
      const counts = apportion(dayClicks, shares[facet]);
      counts.forEach((clicks, i) => {
        if (clicks > 0)
          facetRows.push({ link_id: link.linkId, day, facet, value: POOLS[facet][i]!, clicks });
      });
    }
  }

  // The monthly counts the recorder keeps beside the daily ones: their sums per UTC month.
  const months = new Map<
    string,
    { link_id: string; month: string; facet: ClickFacet; value: string; clicks: number }
  >();
  for (const row of facetRows) {
    const month = row.day.slice(0, 7);
    const key = `${month}|${row.facet}|${row.value}`;
    const entry = months.get(key);
    if (entry) entry.clicks += row.clicks;
    else
      months.set(key, {
        link_id: row.link_id,
        month,
        facet: row.facet,
        value: row.value,
        clicks: row.clicks,
      });
  }

  const handle = await createDb(databaseUrl);
  try {
    await insertChunks(handle.db, "link_click_hours", hourRows);
    await insertChunks(handle.db, "link_click_facets", facetRows);
    await insertChunks(handle.db, "link_click_facet_months", [...months.values()]);
  } finally {
    await handle.close();
  }
  return {
    link,
    hourRows: hourRows.length,
    facetRows: facetRows.length,
    clicks: shape.clicks,
    clicksByHour,
    insertMs: Math.round(performance.now() - started),
  };
}

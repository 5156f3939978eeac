import { createDb } from "@digistore/db";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLinkRollups, type GeneratedRollups } from "../generators/link-rollups";
import { onSqliteAndPostgres, type DialectLabel, type DialectRun } from "../lib/dialects";
import { ManualClock } from "@digistore/core";
import { getLinkAnalytics } from "@digistore/domain-shorturl";
import type { SeededLink } from "../generators/short-link";
import { benchSeconds } from "../lib/load";
import { summariseReads, timeReads } from "../lib/sequential-reads";
import type { Ratio, Scenario } from "../lib/scenario";

const SMALL = 10_000;
const LARGE = 10_000_000;
const DAYS = 365;
/** A zone with DST: two local days a year have 23 and 25 hours. */
const TIME_ZONE = "America/New_York";
/** Small, large, large, small: drift on the shared machine weighs on both sizes alike. */
const ORDER = ["small", "large", "large", "small"] as const;
type Size = (typeof ORDER)[number];
const WARMUP_MS = 1000;

type Db = Awaited<ReturnType<typeof createDb>>;

type Read = Awaited<ReturnType<typeof getLinkAnalytics>>;

/** The read the link's page makes: the domain verb, as the link's owner. */
function readAnalytics(handle: Db, link: SeededLink, now: Date): Promise<Read> {
  return getLinkAnalytics(
    { db: handle.db, clock: new ManualClock(now.getTime()), actor: link.owner },
    { linkId: link.linkId, days: DAYS, timezone: TIME_ZONE },
  );
}

/** The calendar date of an instant in TIME_ZONE, YYYY-MM-DD. */
const localDate = (ms: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(ms));

const label = (clicks: number) => (clicks >= 1e6 ? `${clicks / 1e6}M` : `${clicks / 1e3}k`);

/** What a correct read of the generated year shows: every local day, every click in range. */
function check(read: Read, generated: GeneratedRollups): number {
  let expected = 0;
  for (const [ms, clicks] of generated.clicksByHour) {
    const date = localDate(ms);
    if (date >= read.from && date <= read.to) expected += clicks;
  }
  const where = `links-analytics @${label(generated.clicks)}`;
  if (read.daily.length !== DAYS)
    throw new Error(`${where}: ${read.daily.length} days, not ${DAYS}`);
  const summed = read.daily.reduce((sum, day) => sum + day.clicks, 0);
  if (read.totals.clicks !== expected || summed !== expected)
    throw new Error(`${where}: ${read.totals.clicks} clicks (days: ${summed}), not ${expected}`);
  if (read.top.referrer[0]?.value !== "(direct)" || read.top.country.length === 0)
    throw new Error(`${where}: top facets look wrong: ${JSON.stringify(read.top)}`);
  return expected;
}

async function runOn(dialect: DialectLabel, env: Record<string, string>): Promise<DialectRun> {
  const dir = mkdtempSync(join(tmpdir(), "digistore-bench-analytics-"));
  const databaseUrl = env.DATABASE_URL ?? `file:${join(dir, "bench.db")}`;
  try {
    const now = new Date();
    // Two UTC days more than the range, so the local year sits inside whatever the zone.
    const shape = { days: DAYS + 2, now };
    const sizes: Record<Size, GeneratedRollups> = {
      small: await generateLinkRollups(databaseUrl, { ...shape, slug: "bench-10k", clicks: SMALL }),
      large: await generateLinkRollups(databaseUrl, { ...shape, slug: "bench-10m", clicks: LARGE }),
    };
    const handle = await createDb(databaseUrl);
    try {
      const inRange: Partial<Record<Size, number>> = {};
      for (const size of ["small", "large"] as const) {
        const read = () => readAnalytics(handle, sizes[size].link, now);
        inRange[size] = check(await read(), sizes[size]);
        await timeReads(read, WARMUP_MS);
      }
      // Each size is read for half the scenario's seconds in all (two slices), per dialect.
      const slice = (benchSeconds() * 1000) / ORDER.length;
      const times: Record<Size, number[]> = { small: [], large: [] };
      for (const size of ORDER)
        times[size].push(
          ...(await timeReads(() => readAnalytics(handle, sizes[size].link, now), slice)),
        );
      const small = summariseReads(
        `365-day analytics @${label(SMALL)} clicks, ${dialect}`,
        times.small,
      );
      const large = summariseReads(
        `365-day analytics @${label(LARGE)} clicks, ${dialect}`,
        times.large,
      );
      const ratios: Ratio[] = [
        // The floor, as reads per second (the inverse of the mean time per read).
        {
          name: `analytics @${label(LARGE)} / @${label(SMALL)} clicks @${dialect}`,
          value: Math.round((small.meanMs / large.meanMs) * 1000) / 1000,
          atLeast: 0.8,
        },
      ];
      const describe = (g: GeneratedRollups, size: Size) => ({
        clicksGenerated: g.clicks,
        clicksInRange: inRange[size],
        hourRows: g.hourRows,
        facetRows: g.facetRows,
        generateMs: g.insertMs,
        meanReadMs: Math.round((size === "small" ? small : large).meanMs * 100) / 100,
      });
      return {
        results: [small, large].map(({ meanMs: _mean, ...result }) => result),
        ratios,
        notes: {
          read: "getLinkAnalytics (the link page's read), 365 local days + the previous 365",
          timeZone: TIME_ZONE,
          days: DAYS,
          [label(SMALL)]: describe(sizes.small, "small"),
          [label(LARGE)]: describe(sizes.large, "large"),
        },
      };
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One link's 365-day analytics (clicks per local day from the hourly rollups, the top 10 of
 * each facet from the daily ones) at 10,000 vs 10,000,000 clicks, read in-process from rollups
 * generated straight into the tables; on SQLite and PostgreSQL.
 */
export const linksAnalytics: Scenario = {
  name: "links-analytics",
  description: `a link's ${DAYS}-day analytics (per local day + top 10 per facet, from rollups) at ${label(SMALL)} vs ${label(LARGE)} clicks, SQLite and PostgreSQL`,
  run: () => onSqliteAndPostgres(runOn),
};

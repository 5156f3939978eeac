import { ManualClock } from "@digistore/core";
import { createDb } from "@digistore/db";
import { getSellerDashboard } from "@digistore/domain-sales";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSales, type GeneratedSales } from "../generators/sales";
import { onSqliteAndPostgres, type DialectLabel, type DialectRun } from "../lib/dialects";
import { benchSeconds } from "../lib/load";
import type { Ratio, Scenario } from "../lib/scenario";
import { summariseReads, timeReads } from "../lib/sequential-reads";

const SMALL = 1_000;
const LARGE = 1_000_000;
const PRODUCTS = 20;
const DAYS = 400;
/** Small, large, large, small: drift on the shared machine weighs on both sizes alike. */
const ORDER = ["small", "large", "large", "small"] as const;
type Size = (typeof ORDER)[number];
const WARMUP_MS = 1000;

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

/** What the dashboard page asks for on open and on "365 days": the summary with each chart. */
async function readDashboard(
  handle: Awaited<ReturnType<typeof createDb>>,
  sales: GeneratedSales,
  now: Date,
) {
  const ctx = { db: handle.db, clock: new ManualClock(now.getTime()), actor: sales.seller };
  const month = await getSellerDashboard(ctx, { days: 30 });
  const year = await getSellerDashboard(ctx, { days: 365 });
  return { month, year };
}

function check(read: Awaited<ReturnType<typeof readDashboard>>, orders: number, size: Size) {
  const where = `seller-dashboard @${label(orders)}`;
  const sales = read.year.counts.current.sales;
  // 365 of 400 evenly spread days: about 91% of the orders.
  const expected = Math.round((orders * 365) / DAYS);
  if (Math.abs(sales - expected) > Math.max(3, orders * 0.01))
    throw new Error(`${where}: ${sales} sales in 365 days, expected about ${expected}`);
  if (read.year.daily.dates.length !== 365 || read.month.daily.dates.length !== 30)
    throw new Error(`${where}: wrong number of days`);
  if (read.month.recentOrders.length === 0 || read.year.topProducts.length === 0)
    throw new Error(`${where}: no recent orders or top products (${size})`);
}

async function runOn(dialect: DialectLabel, env: Record<string, string>): Promise<DialectRun> {
  const dir = mkdtempSync(join(tmpdir(), "digistore-bench-dashboard-"));
  const databaseUrl = env.DATABASE_URL ?? `file:${join(dir, "bench.db")}`;
  try {
    const now = new Date();
    const shape = { products: PRODUCTS, days: DAYS, now };
    const sizes: Record<Size, GeneratedSales> = {
      small: await generateSales(databaseUrl, { ...shape, tag: "small", orders: SMALL }),
      large: await generateSales(databaseUrl, { ...shape, tag: "large", orders: LARGE }),
    };
    const handle = await createDb(databaseUrl);
    try {
      for (const size of ["small", "large"] as const) {
        const read = () => readDashboard(handle, sizes[size], now);
        check(await read(), sizes[size].orders, size);
        await timeReads(read, WARMUP_MS);
      }
      const slice = (benchSeconds() * 1000) / ORDER.length;
      const times: Record<Size, number[]> = { small: [], large: [] };
      for (const size of ORDER)
        times[size].push(
          ...(await timeReads(() => readDashboard(handle, sizes[size], now), slice)),
        );
      const small = summariseReads(
        `dashboard 30+365 days @${label(SMALL)} orders, ${dialect}`,
        times.small,
      );
      const large = summariseReads(
        `dashboard 30+365 days @${label(LARGE)} orders, ${dialect}`,
        times.large,
      );
      const ratios: Ratio[] = [
        {
          name: `dashboard @${label(LARGE)} / @${label(SMALL)} orders @${dialect}`,
          value: Math.round((small.meanMs / large.meanMs) * 1000) / 1000,
          atLeast: 0.8,
        },
      ];
      const describe = (g: GeneratedSales, meanMs: number) => ({
        orders: g.orders,
        insertMs: g.insertMs,
        rollupRebuildMs: g.rollupMs,
        meanReadMs: Math.round(meanMs * 100) / 100,
      });
      return {
        results: [small, large].map(({ meanMs: _mean, ...result }) => result),
        ratios,
        notes: {
          read: "getSellerDashboard for 30 and for 365 days (the page's two views), from rollups",
          products: PRODUCTS,
          [label(SMALL)]: describe(sizes.small, small.meanMs),
          [label(LARGE)]: describe(sizes.large, large.meanMs),
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
 * The seller dashboard's summary with a 30-day and a 365-day chart, at 1,000 vs 1,000,000 paid
 * orders of one seller (20 products, 400 days), read in-process; on SQLite and PostgreSQL.
 */
export const sellerDashboard: Scenario = {
  name: "seller-dashboard",
  description: `the seller dashboard (30 and 365 days) at ${label(SMALL)} vs ${label(LARGE)} paid orders, SQLite and PostgreSQL`,
  run: () => onSqliteAndPostgres(runOn),
};

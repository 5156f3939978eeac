import { localDate } from "@digistore/core";
import {
  insertJsonRows,
  type Database,
  type Dialect,
  type JsonColumn,
  type SalesDaysTable,
  type SalesMonthsTable,
} from "@digistore/db";
import { PAID_ORDER_STATUSES } from "@digistore/domain-orders";
import { sql, type Kysely, type Selectable } from "kysely";
import { ALL_PRODUCTS, FIGURE_COLUMNS } from "./sales-rollups.repository";

const FIGURES = FIGURE_COLUMNS;

/**
 * What `sales_hours` should hold, recomputed from orders: the definition the order hook keeps
 * incrementally (`orderFigures`, first product order per buyer and seller is a new customer).
 */
function expectedHours() {
  const paid = sql.join(PAID_ORDER_STATUSES.map((s) => sql.lit(s)));
  return sql`
    select seller_id, product_id, kind, currency, hour, count(*) as sales,
      sum(amount) as gross, sum(refunded_amount) as refunds,
      sum(case when refunded_amount > 0 then 1 else 0 end) as refunded_sales,
      sum(case when status = 'refunded' and refunded_amount < amount
        then amount - refunded_amount else 0 end) as dispute_losses,
      sum(first_sale) as new_customers
    from (
      select p.seller_id, o.product_id, o.kind, o.currency, o.amount, o.refunded_amount,
        o.status, substr(o.created_at, 1, 13) || ':00:00.000Z' as hour,
        case when o.kind = 'product' and row_number() over (
          partition by p.seller_id, o.user_id, o.kind order by o.created_at, o.id
        ) = 1 then 1 else 0 end as first_sale
      from orders o join products p on p.id = o.product_id
      where o.status in (${paid})
    ) facts
    group by seller_id, product_id, kind, currency, hour`;
}

const HOUR_COLUMNS = sql.raw(
  "seller_id, product_id, kind, currency, hour, sales, gross, refunds, refunded_sales, dispute_losses, new_customers",
);

async function countRows(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from (${query}) d`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Rows of `sales_hours` that differ from a recomputation: missing or wrong, and extra or wrong. */
async function hourDifferences(db: Kysely<Database>): Promise<number> {
  const stored = sql`select ${HOUR_COLUMNS} from sales_hours`;
  const [missing, extra] = await Promise.all([
    countRows(db, sql`${expectedHours()} except ${stored}`),
    countRows(db, sql`${stored} except ${expectedHours()}`),
  ]);
  return missing + extra;
}

const localColumns = (period: "day" | "month"): JsonColumn[] => [
  { name: "seller_id", type: "text" },
  { name: "product_id", type: "text" },
  { name: "kind", type: "text" },
  { name: "currency", type: "text" },
  { name: period, type: "text" },
  ...FIGURES.map((name) => ({ name, type: "bigint" as const })),
];
const BATCH = 5_000;

type Rows = Map<string, (string | number)[]>;
/** A seller's rollups in their zone: per day (with the all-products row) and per month. */
interface LocalRollups {
  readonly days: Rows;
  readonly months: Rows;
}

function addTo(
  rows: Rows,
  key: string[],
  figures: Record<(typeof FIGURES)[number], number | string>,
) {
  const id = key.join("|");
  const sums = rows.get(id) ?? [...key, ...FIGURES.map(() => 0)];
  FIGURES.forEach((f, i) => {
    sums[5 + i] = (sums[5 + i] as number) + Number(figures[f]);
  });
  rows.set(id, sums);
}

/** A seller's day and month rows as the hour rollup and their zone make them. */
async function expectedSellerLocal(
  db: Kysely<Database>,
  sellerId: string,
  timezone: string,
): Promise<LocalRollups> {
  const hours = await db
    .selectFrom("sales_hours")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .orderBy("hour")
    .execute();
  const local: LocalRollups = { days: new Map(), months: new Map() };
  let lastHour = "";
  let lastDay = "";
  for (const row of hours) {
    if (row.hour !== lastHour) {
      lastHour = row.hour;
      lastDay = localDate(timezone, Date.parse(row.hour));
    }
    for (const product of [row.product_id, ALL_PRODUCTS]) {
      addTo(local.days, [sellerId, product, row.kind, row.currency, lastDay], row);
    }
    addTo(
      local.months,
      [sellerId, row.product_id, row.kind, row.currency, lastDay.slice(0, 7)],
      row,
    );
  }
  return local;
}

async function storedSellerLocal(db: Kysely<Database>, sellerId: string): Promise<LocalRollups> {
  const [days, months] = await Promise.all([
    db.selectFrom("sales_days").selectAll().where("seller_id", "=", sellerId).execute(),
    db.selectFrom("sales_months").selectAll().where("seller_id", "=", sellerId).execute(),
  ]);
  const keyed = (r: Selectable<SalesDaysTable> | Selectable<SalesMonthsTable>, period: string) => {
    const key = [r.seller_id, r.product_id, r.kind, r.currency, period];
    const row: (string | number)[] = [...key, ...FIGURES.map((f) => Number(r[f]))];
    return [key.join("|"), row] as const;
  };
  return {
    days: new Map(days.map((r) => keyed(r, r.day))),
    months: new Map(months.map((r) => keyed(r, r.month))),
  };
}

function countDifferences(a: Rows, b: Rows): number {
  let differ = 0;
  for (const [id, row] of a) {
    const other = b.get(id);
    if (!other || other.some((value, i) => value !== row[i])) differ++;
  }
  for (const id of b.keys()) if (!a.has(id)) differ++;
  return differ;
}

/**
 * Rewrites a seller's day and month rollups from their hour rollup in `timezone`, inside the
 * caller's transaction: what a change of zone does, and the repair for a seller's days.
 */
export async function rebuildSellerDays(
  trx: Kysely<Database>,
  sellerId: string,
  timezone: string,
): Promise<void> {
  const local = await expectedSellerLocal(trx, sellerId, timezone);
  for (const [table, period, rows] of [
    ["sales_days", "day", local.days],
    ["sales_months", "month", local.months],
  ] as const) {
    await trx.deleteFrom(table).where("seller_id", "=", sellerId).execute();
    const values = [...rows.values()];
    for (let i = 0; i < values.length; i += BATCH) {
      await insertJsonRows(trx, table, localColumns(period), values.slice(i, i + BATCH));
    }
  }
}

export interface RollupCheck {
  /** `sales_hours` rows missing, extra or wrong against a recomputation from orders. */
  readonly hourRowsDiffering: number;
  /** `sales_days` and `sales_months` rows that differ from the hours summed in each seller's zone. */
  readonly dayRowsDiffering: number;
  /** Whether the rollups were rewritten (only when asked, and only if anything differed). */
  readonly rebuilt: boolean;
}

/**
 * Compares the sales rollups with a recomputation from orders and, with `rebuild`, rewrites
 * them. On PostgreSQL the rollup tables are locked for the run, so a webhook committing
 * meanwhile waits and then adds its change to the rebuilt numbers; nothing is lost.
 */
export async function checkSalesRollups(
  db: Kysely<Database>,
  dialect: Dialect,
  options: { rebuild: boolean },
): Promise<RollupCheck> {
  return db.transaction().execute(async (trx) => {
    if (dialect === "postgres") {
      await sql`lock table sales_hours, sales_days, sales_months in exclusive mode`.execute(trx);
    }
    const hourRowsDiffering = await hourDifferences(trx);
    if (hourRowsDiffering > 0 && options.rebuild) {
      await trx.deleteFrom("sales_hours").execute();
      await sql`insert into sales_hours (${HOUR_COLUMNS}) ${expectedHours()}`.execute(trx);
    }
    const sellers = await trx
      .selectFrom("users")
      .select(["id", "timezone"])
      .where((eb) =>
        eb.or([
          eb.exists(
            eb.selectFrom("sales_hours").select("seller_id").whereRef("seller_id", "=", "users.id"),
          ),
          eb.exists(
            eb.selectFrom("sales_days").select("seller_id").whereRef("seller_id", "=", "users.id"),
          ),
        ]),
      )
      .execute();
    let dayRowsDiffering = 0;
    for (const seller of sellers) {
      const [expected, stored] = await Promise.all([
        expectedSellerLocal(trx, seller.id, seller.timezone),
        storedSellerLocal(trx, seller.id),
      ]);
      const differ =
        countDifferences(expected.days, stored.days) +
        countDifferences(expected.months, stored.months);
      dayRowsDiffering += differ;
      if (differ > 0 && options.rebuild) await rebuildSellerDays(trx, seller.id, seller.timezone);
    }
    return {
      hourRowsDiffering,
      dayRowsDiffering,
      rebuilt: options.rebuild && hourRowsDiffering + dayRowsDiffering > 0,
    };
  });
}

import {
  ForbiddenError,
  isStaff,
  eachDate,
  NotFoundError,
  parseInput,
  requireUser,
  resolveDayRange,
  type Actor,
} from "@digistore/core";
import type { VerbContext } from "@digistore/db";
import { recentSellerOrders } from "@digistore/domain-orders";
import type { CurrencyFigures, PeriodFigures, SellerDashboard } from "./seller-dashboard";
import {
  countOpenSupportRequests,
  productTotals,
  sellerDays,
  sellerProducts,
  sellerTimezone,
} from "./seller-dashboard.repository";
import { addFigures, netOf, NO_SALES, type SalesFigures } from "./sales-figures";
import { ZSellerDashboardInput } from "./sales.schemas";

const TOP_PRODUCTS = 5;
const RECENT_ORDERS = 8;

/** Whose numbers: a seller's own; staff may name any seller. */
function dashboardOwner(actor: Actor, sellerId: string | undefined): string {
  const user = requireUser(actor);
  if (sellerId && sellerId !== user.userId) {
    if (!isStaff(actor)) throw new ForbiddenError("You can only see your own dashboard.");
    return sellerId;
  }
  if (!user.roles.seller && !isStaff(actor))
    throw new ForbiddenError("Only sellers have a dashboard.");
  return user.userId;
}

const withNet = (f: SalesFigures): PeriodFigures => ({ ...f, net: netOf(f) });

/**
 * A seller's dashboard over local days of their zone (a profile setting), optionally for one
 * product: money per currency with the previous period beside it, a daily series, top
 * products, recent orders and open support. Reads the day rollup, never orders for numbers.
 */
export async function getSellerDashboard(
  ctx: Pick<VerbContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<SellerDashboard> {
  const parsed = parseInput(ZSellerDashboardInput, input);
  const sellerId = dashboardOwner(ctx.actor, parsed.sellerId);
  const seller = await sellerTimezone(ctx.db, sellerId);
  if (!seller) throw new NotFoundError("No such seller.");
  const range = resolveDayRange(
    { ...parsed, timezone: seller.timezone },
    ctx.clock.now().getTime(),
  );
  const products = await sellerProducts(ctx.db, sellerId);
  const productId = parsed.productId ?? null;
  if (productId && !products.some((p) => p.id === productId)) {
    throw new NotFoundError("That product is not one of yours.");
  }

  const [rows, totals, recent, openSupportRequests] = await Promise.all([
    sellerDays(ctx.db, sellerId, productId, range.previous.from, range.to),
    productId ? Promise.resolve([]) : productTotals(ctx.db, sellerId, range.from, range.to),
    recentSellerOrders(ctx.db, sellerId, productId, RECENT_ORDERS),
    countOpenSupportRequests(ctx.db, sellerId, productId),
  ]);

  // The rollup is already in the seller's days: only the dates are needed, not where they start.
  const dates = eachDate(range.from, range.to);
  const dayIndex = new Map(dates.map((date, i) => [date, i]));
  const sales = dates.map(() => 0);
  const money = new Map<
    string,
    {
      current: Record<"product" | "support", SalesFigures>;
      previous: Record<"product" | "support", SalesFigures>;
      products: number[];
      support: number[];
    }
  >();
  const counts = { current: { ...NO_SALES }, previous: { ...NO_SALES } };
  for (const row of rows) {
    let entry = money.get(row.currency);
    if (!entry) {
      entry = {
        current: { product: NO_SALES, support: NO_SALES },
        previous: { product: NO_SALES, support: NO_SALES },
        products: dates.map(() => 0),
        support: dates.map(() => 0),
      };
      money.set(row.currency, entry);
    }
    const i = dayIndex.get(row.day);
    const period = i === undefined ? "previous" : "current";
    entry[period][row.kind] = addFigures(entry[period][row.kind], row);
    if (row.kind === "product") counts[period] = addFigures(counts[period], row);
    if (i !== undefined) {
      (row.kind === "product" ? entry.products : entry.support)[i]! += netOf(row);
      if (row.kind === "product") sales[i]! += row.sales;
    }
  }

  const currencies: CurrencyFigures[] = [...money.entries()]
    .map(([currency, e]) => ({
      currency,
      products: { current: withNet(e.current.product), previous: withNet(e.previous.product) },
      support: { current: withNet(e.current.support), previous: withNet(e.previous.support) },
    }))
    .sort(
      (a, b) =>
        b.products.current.sales - a.products.current.sales || a.currency.localeCompare(b.currency),
    );

  const byProduct = new Map<
    string,
    { productId: string; title: string; sales: number; net: { amount: number; currency: string }[] }
  >();
  const titles = new Map(products.map((p) => [p.id, p.title]));
  for (const row of totals) {
    const entry = byProduct.get(row.productId) ?? {
      productId: row.productId,
      title: titles.get(row.productId) ?? "(removed product)",
      sales: 0,
      net: [],
    };
    entry.sales += row.sales;
    entry.net.push({ amount: row.net, currency: row.currency });
    byProduct.set(row.productId, entry);
  }
  const topProducts = [...byProduct.values()]
    .sort((a, b) => b.sales - a.sales || a.title.localeCompare(b.title))
    .slice(0, TOP_PRODUCTS);

  const pick = (f: SalesFigures) => ({
    sales: f.sales,
    newCustomers: f.newCustomers,
    refundedSales: f.refundedSales,
  });
  return {
    sellerId,
    timezone: range.timezone,
    from: range.from,
    to: range.to,
    previous: range.previous,
    productId,
    currencies,
    counts: { current: pick(counts.current), previous: pick(counts.previous) },
    daily: {
      dates,
      sales,
      net: currencies.map((c) => ({
        currency: c.currency,
        products: money.get(c.currency)!.products,
        support: money.get(c.currency)!.support,
      })),
    },
    topProducts,
    recentOrders: recent,
    openSupportRequests,
    products,
  };
}

import { addDays, localDate, requireStaffOrSystem, type Actor, type Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { netOf } from "./sales-figures";
import type { SaleNoticeQueue } from "./ports";
import { sellerDays } from "./seller-dashboard.repository";
import { claimDigestDay, dailyDigestSellers } from "./sellers.repository";

/**
 * For every seller on daily sale emails whose yesterday (in their own zone) has not been
 * covered yet: a digest of that day from the day rollup, if they sold anything. Each seller's
 * day is claimed by a conditional update in the email's own transaction, so processes that run
 * this at once never send a day twice. Housekeeping runs it every few minutes.
 */
export async function sendSaleDigests(ctx: {
  db: Kysely<Database>;
  clock: Clock;
  actor: Actor;
  emails: SaleNoticeQueue;
}): Promise<{ sent: number }> {
  requireStaffOrSystem(ctx.actor);
  const now = ctx.clock.now().getTime();
  const sellers = await dailyDigestSellers(ctx.db);
  let sent = 0;
  for (const seller of sellers) {
    const yesterday = addDays(localDate(seller.timezone, now), -1);
    if (seller.sale_digest_through && seller.sale_digest_through >= yesterday) continue;
    const mailed = await ctx.db.transaction().execute(async (trx) => {
      if (!(await claimDigestDay(trx, seller.id, yesterday))) return false;
      const rows = await sellerDays(trx, seller.id, null, yesterday, yesterday);
      const sales = rows.reduce((n, row) => n + (row.kind === "product" ? row.sales : 0), 0);
      if (rows.length === 0) return false;
      const currencies = [...new Set(rows.map((row) => row.currency))].sort();
      const net = (currency: string, kind: "product" | "support") =>
        rows
          .filter((row) => row.currency === currency && row.kind === kind)
          .reduce((sum, row) => sum + netOf(row), 0);
      await ctx.emails.queue(trx, {
        kind: "sale_digest",
        to: seller.email,
        displayName: seller.display_name,
        day: yesterday,
        sales,
        lines: currencies.map((currency) => ({
          currency,
          products: net(currency, "product"),
          support: net(currency, "support"),
        })),
      });
      return true;
    });
    if (mailed) sent++;
  }
  return { sent };
}

import type { ServerConfig } from "@digistore/config";
import type { Db } from "@digistore/db";
import {
  findStoredEventId,
  reconcilePendingOrders,
  reprocessPaymentEvent,
  expirePendingOrders,
} from "@digistore/domain-orders";
import { UsageError, type Io } from "../io";
import { cliOrdersDeps } from "../orders-deps";

export const paymentsUsage = `digistore payments reconcile | replay <provider event id>`;

/**
 * Operator tools for payments. Neither grants anything by itself: reconcile asks the provider
 * and reports; replay re-derives an order from the events already stored.
 */
export async function paymentsCommand(
  db: Db,
  config: ServerConfig,
  args: string[],
  io: Io,
): Promise<number> {
  const [action, eventId] = args;
  const deps = cliOrdersDeps(db, config);
  if (action === "reconcile") {
    const expired = await expirePendingOrders(deps);
    const report = await reconcilePendingOrders(deps);
    io.out(`Expired ${expired} pending order(s) older than 24 h.`);
    io.out(`Checked ${report.checked} pending order(s) older than an hour with the provider.`);
    for (const id of report.succeededWithoutWebhook) {
      io.out(
        `  paid at the provider, no webhook yet: ${id} — ask the provider to re-send the event`,
      );
    }
    for (const id of report.failed) io.out(`  failed at the provider: ${id}`);
    return report.succeededWithoutWebhook.length ? 1 : 0;
  }
  if (action === "replay") {
    if (!eventId) throw new UsageError(`give the provider's event id. Usage: ${paymentsUsage}`);
    const stored = await findStoredEventId(deps, eventId);
    if (!stored) {
      io.err(`No stored event ${eventId}.`);
      return 1;
    }
    const outcome = await reprocessPaymentEvent(deps, stored);
    io.out(`Event ${eventId}: ${outcome}.`);
    return outcome === "processed" ? 0 : 1;
  }
  throw new UsageError(`unknown payments action "${action ?? ""}". Usage: ${paymentsUsage}`);
}

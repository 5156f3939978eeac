import { SYSTEM } from "@digistore/core";
import { expirePendingOrders } from "@digistore/domain-orders";
import { sendSaleDigests } from "@digistore/domain-sales";
import { closeStaleResolvedRequests } from "@digistore/domain-support";
import type { AppServices } from "../context";
import type { AppLogger } from "./logger";

const EVERY_MS = 10 * 60 * 1000;

/**
 * Expires pending orders older than 24 h, closes requests resolved 14 days ago, and sends the
 * sellers' daily sale digests once their day is over.
 */
async function expireOrdersAndCloseStaleRequests(
  services: AppServices,
): Promise<{ expiredOrders: number; closedRequests: number; saleDigests: number }> {
  // Background work acts as the store itself.
  const ctx = { ...services, actor: SYSTEM };
  const [expiredOrders, closedRequests, digests] = await Promise.all([
    expirePendingOrders(ctx),
    closeStaleResolvedRequests(ctx),
    sendSaleDigests(ctx),
  ]);
  return { expiredOrders, closedRequests, saleDigests: digests.sent };
}

/** Housekeeping now and every ten minutes, for the one process that runs background work. */
export function startHousekeeping(services: AppServices, logger: AppLogger): { stop(): void } {
  const run = () => {
    expireOrdersAndCloseStaleRequests(services)
      .then((done) =>
        done.expiredOrders || done.closedRequests || done.saleDigests
          ? logger.info(done, "housekeeping")
          : undefined,
      )
      .catch((error: unknown) => logger.error({ err: error }, "housekeeping failed"));
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  run();
  return { stop: () => clearInterval(timer) };
}

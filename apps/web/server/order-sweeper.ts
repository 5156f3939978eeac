import type { AppServices } from "@digistore/api";
import { expirePendingOrders } from "@digistore/domain-orders";
import { closeStaleResolvedRequests } from "@digistore/domain-support";
import { ordersDepsOf } from "@digistore/api";
import type { Logger } from "./logger";

const EVERY_MS = 10 * 60 * 1000;

/** Every ten minutes: expire pending orders older than 24 h, close requests resolved 14 days ago. */
export function startOrderSweeper(services: AppServices, logger: Logger): { stop(): void } {
  const run = () => {
    const orders = ordersDepsOf(services);
    Promise.all([expirePendingOrders(orders), closeStaleResolvedRequests({ orders })])
      .then(([expired, closed]) =>
        expired || closed ? logger.info({ expired, closed }, "housekeeping") : undefined,
      )
      .catch((error: unknown) => logger.error({ err: error }, "order expiry failed"));
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  run();
  return { stop: () => clearInterval(timer) };
}

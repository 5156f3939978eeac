import type { AppServices } from "@digistore/api";
import { expirePendingOrders } from "@digistore/domain-orders";
import { ordersDepsOf } from "@digistore/api";
import type { Logger } from "./logger";

const EVERY_MS = 10 * 60 * 1000;

/** Expires pending orders older than 24 h, every ten minutes, in the background. */
export function startOrderSweeper(services: AppServices, logger: Logger): { stop(): void } {
  const run = () => {
    expirePendingOrders(ordersDepsOf(services))
      .then((expired) => (expired ? logger.info({ expired }, "expired pending orders") : undefined))
      .catch((error: unknown) => logger.error({ err: error }, "order expiry failed"));
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  run();
  return { stop: () => clearInterval(timer) };
}

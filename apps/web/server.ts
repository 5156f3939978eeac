import { readEnv } from "./env";
import { createHttpApp } from "./server/http-app";
import { createLogger } from "./server/logger";
import { createPages } from "./server/pages";
import { openServices } from "./server/services";
import { EMULATOR_PATH } from "./server/payments";
import type { RequestHandler } from "express";
import { announceDevSurfaces } from "./server/dev-surfaces";
import { applyRequestLimits } from "./server/request-limits";

/**
 * Boot order matters: configuration, then the database and its migrations, then HTTP. Any
 * failure before listening exits non-zero with a message naming the cause.
 */
async function main(): Promise<void> {
  const config = readEnv();
  const logger = createLogger(config.LOG_LEVEL);
  const running = await openServices(config, logger);
  const web = { secureCookies: config.PUBLIC_URL.startsWith("https://") };
  const mode = config.NODE_ENV === "production" ? "production" : "development";
  const pages = await createPages(mode, running.services, web, running.extras);
  const app = createHttpApp({
    services: running.services,
    web,
    logger,
    pages: pages.pages,
    assets: pages.assets,
    storeName: running.extras.storeName,
    mounts: running.emulator
      ? [{ path: EMULATOR_PATH, handler: running.emulator as RequestHandler }]
      : [],
    trustProxy: config.TRUST_PROXY,
    contentSecurityPolicy: mode === "production",
  });

  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ url: config.PUBLIC_URL, mode }, `DigiStore is ready at ${config.PUBLIC_URL}`);
    announceDevSurfaces(config, logger, running.emulator !== null, running.extras.devMailDir);
  });
  applyRequestLimits(server);
  server.on("error", (error) => {
    logger.fatal({ err: error }, "HTTP server failed");
    process.exit(1);
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close(() => {
      void Promise.all([pages.close(), running.close()]).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `DigiStore failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

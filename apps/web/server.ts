import { systemClock } from "@digistore/core";
import { createDb, migrateToLatest, redact } from "@digistore/db";
import { readEnv } from "./env";
import { createHttpApp } from "./server/http-app";
import { createLogger } from "./server/logger";
import { createPages } from "./server/pages";

/**
 * Boot order matters: configuration, then the database and its migrations, then HTTP. Any
 * failure before listening exits non-zero with a message naming the cause.
 */
async function main(): Promise<void> {
  const config = readEnv();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await createDb(config.DATABASE_URL);
  const applied = await migrateToLatest(db);
  logger.info(
    { dialect: db.dialect, database: redact(config.DATABASE_URL), applied },
    "database ready",
  );

  const services = { db, clock: systemClock };
  const mode = config.NODE_ENV === "production" ? "production" : "development";
  const pages = await createPages(mode, services);
  const app = createHttpApp({ services, logger, pages: pages.pages, assets: pages.assets });

  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ url: config.PUBLIC_URL, mode }, `DigiStore is ready at ${config.PUBLIC_URL}`);
  });
  server.on("error", (error) => {
    logger.fatal({ err: error }, "HTTP server failed");
    process.exit(1);
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close(() => {
      void Promise.all([pages.close(), db.close()]).finally(() => process.exit(0));
    });
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

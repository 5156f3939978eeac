import { readEnv } from "./env";
import { createHttpApp } from "./server/http-app";
import { createLogger } from "./server/logger";
import { createPages } from "./server/pages";
import { EMULATOR_PATH } from "@digistore/config";
import { bootServices } from "./server/boot";
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
  const { runtime, extras } = await bootServices(config, logger);
  runtime.startBackgroundWork();
  const web = { secureCookies: config.PUBLIC_URL.startsWith("https://") };
  const mode = config.NODE_ENV === "production" ? "production" : "development";
  const pages = await createPages(mode, runtime.services, web, extras);
  const app = createHttpApp({
    services: runtime.services,
    web,
    logger,
    pages: pages.pages,
    assets: pages.assets,
    storeName: extras.storeName,
    mounts: runtime.emulator
      ? [{ path: EMULATOR_PATH, handler: runtime.emulator as RequestHandler }]
      : [],
    trustProxy: config.TRUST_PROXY,
    contentSecurityPolicy: mode === "production",
  });

  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ url: config.PUBLIC_URL, mode }, `DigiStore is ready at ${config.PUBLIC_URL}`);
    announceDevSurfaces(config, logger, runtime.emulator !== null, extras.devMailDir);
  });
  applyRequestLimits(server);
  server.on("error", (error) => {
    logger.fatal({ err: error }, "HTTP server failed");
    process.exit(1);
  });

  // Queued clicks and mail are written by runtime.close(): every way out goes through it once.
  let finishing: Promise<void> | null = null;
  const finish = () => {
    finishing ??= Promise.all([pages.close(), runtime.close()])
      .then(() => undefined)
      .finally(() => process.exit(0));
    return finishing;
  };
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close(() => void finish());
    server.closeIdleConnections();
    // A keep-alive client that keeps sending would hold server.close() open on Node 20: after
    // a grace period for requests in flight, its connection is cut.
    setTimeout(() => server.closeAllConnections(), 1000).unref();
    setTimeout(() => void finish(), 5000).unref();
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

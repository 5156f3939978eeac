import type { AppServices } from "@digistore/api";
import { dataPaths, storedSecret, type ServerConfig } from "@digistore/config";
import { systemClock } from "@digistore/core";
import { createDb, migrateToLatest, redact } from "@digistore/db";
import { createLocalDiskStorage, DEFAULT_CATALOG_LIMITS } from "@digistore/domain-catalog";
import { createSiteSettingsReader } from "@digistore/domain-site";
import { createSupportOrderHook } from "@digistore/domain-support";
import { createMailTransport, createOutbox, createOutboxWorker } from "@digistore/mail";
import type { RequestListener } from "node:http";
import { startOrderSweeper } from "./order-sweeper";
import type { Logger } from "./logger";
import { openPayments } from "./payments";
import type { PageExtras } from "./pages";

export interface RunningServices {
  readonly services: AppServices;
  /** The Dodo emulator's handler, to mount at EMULATOR_PATH (emulator mode only). */
  readonly emulator: RequestListener | null;
  readonly extras: PageExtras;
  close(): Promise<void>;
}

/** Database (migrated), outbox and, unless told otherwise, the in-process email worker. */
export async function openServices(config: ServerConfig, logger: Logger): Promise<RunningServices> {
  const db = await createDb(config.DATABASE_URL);
  const applied = await migrateToLatest(db);
  logger.info(
    { dialect: db.dialect, database: redact(config.DATABASE_URL), applied },
    "database ready",
  );

  const clock = systemClock;
  const emails = createOutbox({
    publicUrl: config.PUBLIC_URL,
    storeName: config.STORE_NAME,
    clock,
  });
  const mailDir = dataPaths(config).mail;
  const transport = createMailTransport({ smtpUrl: config.SMTP_URL, devMailDir: mailDir });
  // Mail written to disk is readable at /dev/mail only where dev surfaces may exist: a reset
  // link shown to any visitor is an account takeover.
  const devMailDir = config.SMTP_URL || !config.devSurfaces ? null : mailDir;
  if (!config.SMTP_URL && !config.devSurfaces) {
    logger.warn(
      { mailDir },
      "SMTP_URL is not set: email is only written to DATA_DIR/mail and reaches nobody",
    );
  }
  const worker = createOutboxWorker({
    db: db.db,
    transport,
    clock,
    from: config.MAIL_FROM,
    onError: (error) => logger.error({ err: error }, "email delivery failed"),
  });
  if (config.MAIL_WORKER === "inline") worker.start();
  logger.info({ transport: transport.describe(), worker: config.MAIL_WORKER }, "mail ready");

  const storage = createLocalDiskStorage(dataPaths(config).storage);
  const catalogLimits = {
    ...DEFAULT_CATALOG_LIMITS,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    updatedBadgeMs: config.UPDATED_BADGE_DAYS * 24 * 60 * 60 * 1000,
  };
  logger.info({ storage: storage.describe() }, "storage ready");

  const payments = openPayments(config, db, clock);
  logger.info({ provider: config.PAYMENTS_PROVIDER }, "payments ready");
  const downloadSecret = config.DOWNLOAD_SECRET ?? storedSecret(config, "download-secret");

  const services: AppServices = {
    db,
    clock,
    emails,
    storage,
    catalogLimits,
    site: createSiteSettingsReader({ db: db.db, clock, ttlMs: config.SITE_SETTINGS_TTL_MS }),
    payments: payments.provider,
    publicUrl: config.PUBLIC_URL,
    downloadSecret,
    // Support reacts to its orders' payments, refunds and expiry inside the order's transaction.
    orderHooks: [createSupportOrderHook({ clock, dialect: db.dialect, emails })],
  };
  const sweeper = startOrderSweeper(services, logger);

  return {
    services,
    emulator: payments.emulator,
    extras: {
      devMailDir,
      storeName: config.STORE_NAME,
      maxUploadBytes: catalogLimits.maxUploadBytes,
    },
    close: async () => {
      sweeper.stop();
      await payments.close();
      await worker.stop();
      await db.close();
    },
  };
}

import { dataPaths, storedSecret, type ServerConfig } from "@digistore/config";
import { SYSTEM, systemClock, type Clock } from "@digistore/core";
import { createDb, migrateToLatest, redact, type Db } from "@digistore/db";
import { createLocalDiskStorage, DEFAULT_CATALOG_LIMITS } from "@digistore/domain-catalog";
import { createPaymentEventIngester } from "@digistore/domain-orders";
import { createSiteSettingsReader } from "@digistore/domain-site";
import { createClickRecorder, createLinkResolver } from "@digistore/domain-shorturl";
import { createCheckoutDiscounts } from "@digistore/domain-discounts";
import { createLicenseOrderHook } from "@digistore/domain-licenses";
import { createSalesOrderHook } from "@digistore/domain-sales";
import { createSupportOrderHook } from "@digistore/domain-support";
import { createMailTransport, createOutbox, createOutboxWorker } from "@digistore/mail";
import type { RequestListener } from "node:http";
import type { AppServices } from "../context";
import { startHousekeeping } from "./housekeeping";
import type { AppLogger } from "./logger";
import { openPayments } from "./payments-runtime";

export interface AppRuntime {
  readonly services: AppServices;
  /** The Dodo emulator's handler, to mount at EMULATOR_PATH (emulator mode, servers only). */
  readonly emulator: RequestListener | null;
  /** Where dev mail is readable at /dev/mail; null in production or with real SMTP. */
  readonly devMailDir: string | null;
  /** The email worker and housekeeping: run them in exactly one process per store. */
  startBackgroundWork(): void;
  close(): Promise<void>;
}

export interface CreateAppServicesOptions {
  /** Where boot and background messages go; none when omitted (the CLI prints its own). */
  readonly logger?: AppLogger;
  /** An open database (the CLI's); otherwise one is opened from DATABASE_URL and migrated. */
  readonly db?: Db;
  /** Host the payment emulator (a server does; the CLI uses the server's). Default true. */
  readonly withEmulator?: boolean;
  readonly clock?: Clock;
}

const silentLogger: AppLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * The one composition root: database, outbox, storage, payments, settings cache, order hooks
 * and the webhook ingester, built the same way for the web server, the CLI, the bench and
 * the tests that boot a whole store.
 */
export async function createAppServices(
  config: ServerConfig,
  options: CreateAppServicesOptions = {},
): Promise<AppRuntime> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const ownsDb = options.db === undefined;
  const db = options.db ?? (await createDb(config.DATABASE_URL));
  if (ownsDb) {
    const applied = await migrateToLatest(db);
    logger.info(
      { dialect: db.dialect, database: redact(config.DATABASE_URL), applied },
      "database ready",
    );
  }

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

  const storage = createLocalDiskStorage(dataPaths(config).storage);
  const payments = openPayments(config, db, clock, options.withEmulator ?? true);
  logger.info(
    {
      transport: transport.describe(),
      storage: storage.describe(),
      provider: config.PAYMENTS_PROVIDER,
    },
    "services ready",
  );

  const partial = {
    db: db.db,
    dialect: db.dialect,
    clock,
    emails,
    storage,
    catalogLimits: {
      ...DEFAULT_CATALOG_LIMITS,
      maxUploadBytes: config.MAX_UPLOAD_BYTES,
      updatedBadgeMs: config.UPDATED_BADGE_DAYS * 24 * 60 * 60 * 1000,
    },
    site: createSiteSettingsReader({ db: db.db, clock, ttlMs: config.SITE_SETTINGS_TTL_MS }),
    payments: payments.provider,
    publicUrl: config.PUBLIC_URL,
    downloadSecret: config.DOWNLOAD_SECRET ?? storedSecret(config, "download-secret"),
    // Support, licence keys and the seller's numbers react to orders inside the order's
    // transaction.
    orderHooks: [
      createSalesOrderHook({ dialect: db.dialect, emails }),
      createSupportOrderHook({ clock, dialect: db.dialect, emails }),
      createLicenseOrderHook({ clock }),
    ],
    discounts: createCheckoutDiscounts({ clock }),
  };
  // One ingester per process: it queues events for the process's single SQLite writer.
  const services: AppServices = {
    ...partial,
    // The webhook acts as the store itself.
    paymentEvents: createPaymentEventIngester({ ...partial, actor: SYSTEM }),
    links: createLinkResolver({ db: db.db, clock, publicUrl: config.PUBLIC_URL }),
    clicks: createClickRecorder({
      db: db.db,
      clock,
      onError: (error) => logger.error({ err: error }, "storing clicks failed"),
    }),
  };
  // Every process writes the clicks its own redirects queued (they are not shared work).
  services.clicks.start();

  let housekeeping: { stop(): void } | null = null;
  return {
    services,
    emulator: payments.emulator,
    devMailDir,
    startBackgroundWork() {
      if (config.MAIL_WORKER === "inline") worker.start();
      housekeeping ??= startHousekeeping(services, logger);
      logger.info({ worker: config.MAIL_WORKER }, "background work started");
    },
    close: async () => {
      housekeeping?.stop();
      // Before the database closes: a graceful stop loses no click.
      await services.clicks.stop();
      await payments.close();
      await worker.stop();
      if (ownsDb) await db.close();
    },
  };
}

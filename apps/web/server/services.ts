import type { AppServices } from "@digistore/api";
import { dataPaths, type ServerConfig } from "@digistore/config";
import { systemClock } from "@digistore/core";
import { createDb, migrateToLatest, redact } from "@digistore/db";
import { createLocalDiskStorage, DEFAULT_CATALOG_LIMITS } from "@digistore/domain-catalog";
import { createSiteSettingsReader } from "@digistore/domain-site";
import { createMailTransport, createOutbox, createOutboxWorker } from "@digistore/mail";
import type { Logger } from "./logger";
import type { PageExtras } from "./pages";

export interface RunningServices {
  readonly services: AppServices;
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
  const devMailDir = config.SMTP_URL ? null : mailDir;
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

  return {
    services: {
      db,
      clock,
      emails,
      storage,
      catalogLimits,
      site: createSiteSettingsReader({ db: db.db, clock, ttlMs: config.SITE_SETTINGS_TTL_MS }),
    },
    extras: {
      devMailDir,
      storeName: config.STORE_NAME,
      maxUploadBytes: catalogLimits.maxUploadBytes,
    },
    close: async () => {
      await worker.stop();
      await db.close();
    },
  };
}

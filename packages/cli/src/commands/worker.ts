import { dataPaths, type ServerConfig } from "@digistore/config";
import { systemClock } from "@digistore/core";
import type { Db } from "@digistore/db";
import { createMailTransport, createOutboxWorker } from "@digistore/mail";
import type { Io } from "../io";

/**
 * Runs the email worker on its own, for deployments with several web processes started
 * with MAIL_WORKER=off. `--once` delivers what is due and exits (cron, tests).
 */
export async function workerCommand(
  db: Db,
  config: ServerConfig,
  args: string[],
  io: Io,
  stopSignal: Promise<void>,
): Promise<number> {
  const transport = createMailTransport({
    smtpUrl: config.SMTP_URL,
    devMailDir: dataPaths(config).mail,
  });
  const worker = createOutboxWorker({
    db: db.db,
    transport,
    clock: systemClock,
    from: config.MAIL_FROM,
    onError: (error) =>
      io.err(`email worker: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (args.includes("--once")) {
    const result = await worker.runOnce();
    io.out(`Sent ${result.sent}, retrying ${result.retried}, failed ${result.failed}.`);
    return 0;
  }
  io.out(`Email worker running (${transport.describe()}). Stop with Ctrl+C.`);
  worker.start();
  await stopSignal;
  await worker.stop();
  io.out("Email worker stopped.");
  return 0;
}

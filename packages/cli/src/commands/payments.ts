import {
  createAppServices,
  reconcilePayments,
  replayPaymentEvent,
  type AppServices,
} from "@digistore/api";
import type { ServerConfig } from "@digistore/config";
import type { Db } from "@digistore/db";
import { UsageError, type Io } from "../io";

export const paymentsUsage = `digistore payments reconcile | replay <provider event id>`;

/**
 * Operator tools for payments. Neither grants anything by itself: reconcile asks the provider
 * and reports; replay re-derives an order from the events already stored.
 */
export async function paymentsCommand(
  db: Db,
  config: ServerConfig,
  args: string[],
  io: Io,
): Promise<number> {
  const [action, eventId] = args;
  if (action !== "reconcile" && action !== "replay")
    throw new UsageError(`unknown payments action "${action ?? ""}". Usage: ${paymentsUsage}`);
  if (action === "replay" && !eventId)
    throw new UsageError(`give the provider's event id. Usage: ${paymentsUsage}`);
  // The server's own composition, on the CLI's database, talking to the server's emulator.
  const runtime = await createAppServices(config, { db, withEmulator: false });
  try {
    return action === "reconcile"
      ? await reconcile(runtime.services, io)
      : await replay(runtime.services, eventId!, io);
  } finally {
    await runtime.close();
  }
}

async function reconcile(services: AppServices, io: Io): Promise<number> {
  const report = await reconcilePayments(services);
  io.out(`Expired ${report.expired} pending order(s) older than 24 h.`);
  io.out(`Checked ${report.checked} pending order(s) older than an hour with the provider.`);
  for (const id of report.succeededWithoutWebhook) {
    io.out(`  paid at the provider, no webhook yet: ${id} — ask the provider to re-send the event`);
  }
  for (const id of report.failed) io.out(`  failed at the provider: ${id}`);
  return report.succeededWithoutWebhook.length ? 1 : 0;
}

async function replay(services: AppServices, eventId: string, io: Io): Promise<number> {
  const outcome = await replayPaymentEvent(services, eventId);
  if (outcome === null) {
    io.err(`No stored event ${eventId}.`);
    return 1;
  }
  io.out(`Event ${eventId}: ${outcome}.`);
  return outcome === "processed" ? 0 : 1;
}

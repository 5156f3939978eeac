import { afterEach } from "vitest";
import type { DodoEmulatorOptions } from "../emulator";
import { startEmulator, type RunningEmulator } from "./fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

/**
 * Emulators and webhook receivers that live for one test: call at the top of a `describe`
 * file; everything started is closed after each test, newest first.
 */
export function perTest() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    /** An emulator with one delivery attempt per event unless told otherwise. */
    async emulator(options: Partial<DodoEmulatorOptions> = {}): Promise<RunningEmulator> {
      const running = await startEmulator({ retryScheduleMs: [0], ...options });
      cleanups.push(() => running.emulator.close());
      return running;
    },
    async receiver(status?: (n: number) => number): Promise<WebhookReceiver> {
      const receiver = await startWebhookReceiver(status);
      cleanups.push(() => receiver.close());
      return receiver;
    },
  };
}

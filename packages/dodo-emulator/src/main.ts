import { createDodoEmulator } from "./emulator";

const usage = `Usage: dodo-emulator

Runs a local Dodo Payments API, hosted checkout page and webhook sender.

Environment:
  DODO_PAYMENTS_API_KEY       required: the Bearer key clients must send
  DODO_PAYMENTS_WEBHOOK_KEY   required: whsec_… secret webhooks are signed with
  DODO_WEBHOOK_URL            where events are POSTed (optional)
  PORT                        default 8787
  HOST                        default 127.0.0.1
  DODO_EMULATOR_PUBLIC_URL    origin used in checkout_url (default: the listening address)
`;

export interface MainRuntime {
  out(text: string): void;
  err(text: string): void;
  /** Resolves when the emulator should stop. */
  readonly stopSignal: Promise<void>;
}

function processRuntime(): MainRuntime {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stopSignal: new Promise((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    }),
  };
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return 8787;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : undefined;
}

/** Runs the emulator until `stopSignal`; returns the exit code (never calls process.exit). */
export async function main(
  env: Record<string, string | undefined>,
  runtime: MainRuntime = processRuntime(),
): Promise<number> {
  const apiKey = env.DODO_PAYMENTS_API_KEY;
  const webhookSecret = env.DODO_PAYMENTS_WEBHOOK_KEY;
  const port = parsePort(env.PORT);
  if (!apiKey || !webhookSecret || port === undefined) {
    if (port === undefined) runtime.err(`PORT must be a number from 0 to 65535\n`);
    runtime.err(usage);
    return 2;
  }
  const webhookUrl = env.DODO_WEBHOOK_URL || undefined;
  let emulator;
  try {
    emulator = createDodoEmulator({
      apiKey,
      webhookSecret,
      webhookUrl,
      publicUrl: env.DODO_EMULATOR_PUBLIC_URL || undefined,
    });
  } catch (error) {
    runtime.err(`dodo-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const { url } = await emulator.listen(port, env.HOST || "127.0.0.1");
    runtime.out(
      `Dodo emulator listening on ${url}\n` +
        `  SDK:      new DodoPayments({ bearerToken, baseURL: "${url}" })\n` +
        `  webhooks: ${webhookUrl ?? "none (set DODO_WEBHOOK_URL or PUT /_emulator/webhook-url)"}\n`,
    );
  } catch (error) {
    runtime.err(`dodo-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    await emulator.close();
    return 1;
  }
  await runtime.stopSignal;
  await emulator.close();
  return 0;
}

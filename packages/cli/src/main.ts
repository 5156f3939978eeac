import { ConfigError, loadServerConfig } from "@digistore/config";
import { createDb } from "@digistore/db";
import { doctorCommand } from "./commands/doctor";
import { maintenanceCommand, maintenanceUsage } from "./commands/maintenance";
import { paymentsCommand, paymentsUsage } from "./commands/payments";
import { migrateCommand, migrateUsage } from "./commands/migrate";
import { rollupsCommand, rollupsUsage } from "./commands/rollups";
import { seedCommand, seedUsage } from "./commands/seed";
import { userCommand, userUsage } from "./commands/user";
import { workerCommand } from "./commands/worker";
import { consoleIo, UsageError, type Io } from "./io";

const usage = `Usage: digistore <command>

Commands:
  ${migrateUsage}   apply, revert or list database migrations
  digistore doctor                          print configuration, database and migration state
  ${userUsage}
                                            create accounts (the only way to make staff), set passwords
  digistore worker [--once]                 deliver queued email (when the server runs MAIL_WORKER=off)
  ${paymentsUsage}
                                            ask the provider about stale orders; re-apply a stored event
  ${maintenanceUsage}
                                            maintenance mode and its bypass key
  ${rollupsUsage}        compare the sales rollups with the orders; rebuild them
  ${seedUsage}       add demo accounts and products (--if-empty: only to a store with no users)

Configuration comes from the environment (see .env.example).`;

/** Runs one command and returns the exit code; never calls process.exit so tests can call it. */
export interface Runtime {
  readonly io: Io;
  readStdin(): Promise<string>;
  /** Resolves when the process is asked to stop (long-running commands wait on it). */
  readonly stopSignal: Promise<void>;
}

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export const processRuntime: Runtime = {
  io: consoleIo,
  readStdin: readProcessStdin,
  stopSignal: new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  }),
};

export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  runtime: Partial<Runtime> = {},
): Promise<number> {
  const io = runtime.io ?? consoleIo;
  const readStdin = runtime.readStdin ?? readProcessStdin;
  const stopSignal = runtime.stopSignal ?? processRuntime.stopSignal;
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(usage);
    return command ? 0 : 2;
  }
  try {
    const config = loadServerConfig(env);
    const db = await createDb(config.DATABASE_URL);
    try {
      switch (command) {
        case "migrate":
          return await migrateCommand(db, args, io);
        case "doctor":
          return await doctorCommand(db, config, io);
        case "user":
          return await userCommand(db, args, io, readStdin);
        case "worker":
          return await workerCommand(db, config, args, io, stopSignal);
        case "seed":
          return await seedCommand(db, config, args, io);
        case "maintenance":
          return await maintenanceCommand(db, args, io);
        case "payments":
          return await paymentsCommand(db, config, args, io);
        case "rollups":
          return await rollupsCommand(db, args, io);
        default:
          throw new UsageError(`unknown command "${command}"\n\n${usage}`);
      }
    } finally {
      await db.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || isArgsError(error)) {
      io.err(error.message);
      return 2;
    }
    io.err(`digistore: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function isArgsError(error: unknown): error is Error {
  return (
    error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")
  );
}

import { ConfigError, loadServerConfig } from "@digistore/config";
import { createDb } from "@digistore/db";
import { doctorCommand } from "./commands/doctor";
import { migrateCommand, migrateUsage } from "./commands/migrate";
import { consoleIo, UsageError, type Io } from "./io";

const usage = `Usage: digistore <command>

Commands:
  ${migrateUsage}   apply, revert or list database migrations
  digistore doctor                          print configuration, database and migration state

Configuration comes from the environment (see .env.example).`;

/** Runs one command and returns the exit code; never calls process.exit so tests can call it. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io = consoleIo,
): Promise<number> {
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
        default:
          throw new UsageError(`unknown command "${command}"\n\n${usage}`);
      }
    } finally {
      await db.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    io.err(`digistore: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

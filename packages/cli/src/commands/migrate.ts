import { migrateDown, migrateToLatest, migrationStatus, type Db } from "@digistore/db";
import { UsageError, type Io } from "../io";

export const migrateUsage = "digistore migrate [up|down|status]";

export async function migrateCommand(db: Db, args: string[], io: Io): Promise<number> {
  const action = args[0] ?? "up";
  switch (action) {
    case "up": {
      const applied = await migrateToLatest(db);
      io.out(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
      return 0;
    }
    case "down": {
      const reverted = await migrateDown(db);
      io.out(reverted.length ? `Reverted: ${reverted.join(", ")}` : "Nothing to revert.");
      return 0;
    }
    case "status": {
      for (const m of await migrationStatus(db)) {
        io.out(
          `${m.executedAt ? "applied " : "pending "} ${m.name}${m.executedAt ? `  (${m.executedAt.toISOString()})` : ""}`,
        );
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown migrate action "${action}". Usage: ${migrateUsage}`);
  }
}

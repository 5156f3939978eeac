import type { ServerConfig } from "@digistore/config";
import { checkDbHealth, migrationStatus, redact, type Db } from "@digistore/db";
import type { Io } from "../io";

/** Prints what the store would run with, and whether the database is reachable and current. */
export async function doctorCommand(db: Db, config: ServerConfig, io: Io): Promise<number> {
  io.out(`node          ${process.version}`);
  io.out(`mode          ${config.NODE_ENV}`);
  io.out(`listen        ${config.HOST}:${config.PORT}`);
  io.out(`public url    ${config.PUBLIC_URL}`);
  io.out(`database      ${redact(config.DATABASE_URL)} (${db.dialect})`);
  const health = await checkDbHealth(db.db);
  io.out(`db reachable  ${health.ok ? `yes (${health.latencyMs} ms)` : `NO: ${health.error}`}`);
  if (!health.ok) return 1;
  const migrations = await migrationStatus(db);
  const pending = migrations.filter((m) => !m.executedAt);
  io.out(
    `migrations    ${migrations.length - pending.length}/${migrations.length} applied${
      pending.length
        ? ` — pending: ${pending.map((m) => m.name).join(", ")} (run: digistore migrate)`
        : ""
    }`,
  );
  return pending.length ? 1 : 0;
}

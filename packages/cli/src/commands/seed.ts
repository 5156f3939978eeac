import { dataPaths, type ServerConfig } from "@digistore/config";
import { migrationStatus, type Db } from "@digistore/db";
import { DEFAULT_CATALOG_LIMITS, createLocalDiskStorage } from "@digistore/domain-catalog";
import { parseArgs } from "node:util";
import { loadDemoStore } from "../demo/demo-data";
import { existingDemoAccounts, seedDemo } from "../demo/seed-demo";
import { UsageError, type Io } from "../io";

export const seedUsage = "digistore seed --demo [--if-empty]";

/** Columns padded to their widest cell, two spaces apart. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) =>
    `  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}`.trimEnd(),
  );
}

async function hasUsers(db: Db): Promise<boolean> {
  return (await db.db.selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Fills a store with demo accounts, categories and products (what `npm start` shows a fresh
 * clone). `--if-empty` skips a database that has any user, so restarting keeps real data.
 */
export async function seedCommand(
  db: Db,
  config: ServerConfig,
  args: string[],
  io: Io,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: "boolean", default: false },
      "if-empty": { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.demo) throw new UsageError(`seed needs --demo. Usage: ${seedUsage}`);

  const pending = (await migrationStatus(db)).filter((m) => !m.executedAt);
  if (pending.length) {
    io.err("digistore: the database has pending migrations; run `digistore migrate` first.");
    return 1;
  }
  if (values["if-empty"] && (await hasUsers(db))) {
    io.out("Database already has users; demo data not added.");
    return 0;
  }
  const demo = loadDemoStore();
  const clashes = await existingDemoAccounts(db, demo.accounts);
  if (clashes.length) {
    io.err(
      `digistore: demo accounts already exist (${clashes.join(", ")}); demo data not added. ` +
        "Seed an empty database, or use --if-empty to skip quietly.",
    );
    return 1;
  }

  const storage = createLocalDiskStorage(dataPaths(config).storage);
  const result = await seedDemo(
    {
      db: db.db,
      dialect: db.dialect,
      storage,
      publicUrl: config.PUBLIC_URL,
      catalogLimits: {
        ...DEFAULT_CATALOG_LIMITS,
        maxUploadBytes: config.MAX_UPLOAD_BYTES,
        updatedBadgeMs: config.UPDATED_BADGE_DAYS * 24 * 60 * 60 * 1000,
      },
    },
    new Date(),
    demo,
  );
  io.out(
    `Demo data added: ${result.accounts} accounts, ${result.categories} categories, ` +
      `${result.products} products (${result.versions} versions, ${result.featured} featured), ` +
      `${result.orders} past orders by ${result.buyers} made-up buyers; ` +
      `files in ${storage.describe()}.`,
  );
  io.out("");
  const logins = table([
    ["role", "email", "password"],
    ...demo.accounts.map((a) => [
      a.role === "seller" ? `seller (${a.displayName})` : a.role,
      a.email,
      a.password,
    ]),
  ]);
  for (const line of logins) io.out(line);
  io.out("");
  io.out(`Store: ${config.PUBLIC_URL}`);
  return 0;
}

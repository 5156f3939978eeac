import type { Dialect } from "@digistore/db";
import { createTestDb, type TestDb } from "@digistore/db/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "./server";

export interface TestStore {
  readonly url: string;
  readonly dataDir: string;
  readonly testDb: TestDb;
  readonly server: RunningServer;
  stop(): Promise<void>;
}

/**
 * A whole store for one test file: its own database (unmigrated, so the server migrates it as
 * on a fresh install), data folder and server process in production mode.
 */
export async function startTestStore(
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "digistore-e2e-"));
  const testDb = await createTestDb({ dialect, migrate: false, file: join(dataDir, "store.db") });
  const server = await startServer({ DATABASE_URL: testDb.url, DATA_DIR: dataDir, ...env });
  return {
    url: server.url,
    dataDir,
    testDb,
    server,
    stop: async () => {
      await server.stop();
      await testDb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { startServer, type RunningServer } from "@digistore/tests/support/server";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Target {
  readonly url: string;
  stop(): Promise<void>;
}

export interface StoreOptions {
  /**
   * Runs on the fresh database before the server boots (e.g. to generate a catalogue); the
   * server's own migrations then find nothing to do.
   */
  readonly prepare?: (databaseUrl: string) => Promise<void>;
}

/** The real store (production build, own process) on a fresh SQLite file unless told otherwise. */
export async function startStore(
  env: Record<string, string> = {},
  options: StoreOptions = {},
): Promise<Target & { server: RunningServer; databaseUrl: string }> {
  const dir = mkdtempSync(join(tmpdir(), "digistore-bench-"));
  const databaseUrl = env.DATABASE_URL ?? `file:${join(dir, "bench.db")}`;
  let server: RunningServer;
  try {
    await options.prepare?.(databaseUrl);
    server = await startServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      ...env,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    server,
    databaseUrl,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A bare node:http server answering the same JSON: the ceiling for this machine. */
export async function startBareHttp(): Promise<Target> {
  const script = fileURLToPath(new URL("../servers/bare-http.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

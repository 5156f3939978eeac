import { startServer, type RunningServer } from "@digistore/tests/support/server";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pidListeningOn } from "./proc";
import { storedSecret } from "@digistore/config";
import { randomBytes } from "node:crypto";

/** One emulator webhook key per bench run, kept where each store under test reads its own. */
export const BENCH_WEBHOOK_KEY = `whsec_${randomBytes(32).toString("base64")}`;

function keepBenchWebhookKey(dataDir: string): void {
  storedSecret({ DATA_DIR: dataDir }, "emulator-webhook-key", () => BENCH_WEBHOOK_KEY);
}

export interface Target {
  readonly url: string;
  stop(): Promise<void>;
}

export interface StoreOptions {
  /**
   * Runs on the fresh database before the server boots (e.g. to generate a catalogue); the
   * server's own migrations then find nothing to do. `dataDir` is the server's DATA_DIR (its
   * files live under `dataDir/storage`).
   */
  readonly prepare?: (databaseUrl: string, dataDir: string) => Promise<void>;
}

/**
 * `BENCH_PROFILE=<dir>` writes a V8 CPU profile of every store process into <dir> when it
 * stops (open it in Chrome DevTools or speedscope) — how a failing ratio gets explained.
 */
function profiling(): string[] {
  const dir = process.env.BENCH_PROFILE;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

/** The real store (production build, own process) on a fresh SQLite file unless told otherwise. */
export async function startStore(
  env: Record<string, string> = {},
  options: StoreOptions = {},
): Promise<
  Target & {
    server: RunningServer;
    databaseUrl: string;
    dataDir: string;
    /** The server process (found by its listening port), or null if /proc cannot tell. */
    pid: number | null;
  }
> {
  const dir = mkdtempSync(join(tmpdir(), "digistore-bench-"));
  keepBenchWebhookKey(dir);
  const databaseUrl = env.DATABASE_URL ?? `file:${join(dir, "bench.db")}`;
  let server: RunningServer;
  try {
    await options.prepare?.(databaseUrl, dir);
    server = await startServer(
      {
        DATABASE_URL: databaseUrl,
        DATA_DIR: dir,
        LOG_LEVEL: "warn",
        ...env,
      },
      profiling(),
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    server,
    databaseUrl,
    dataDir: dir,
    pid: pidListeningOn(Number(new URL(server.url).port)),
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `bench/servers/store-verify-only.ts`: the store's own boot and HTTP stack with an extra
 * endpoint that only verifies webhook signatures, on a throwaway data directory (and SQLite
 * file unless `env` names a database).
 */
export async function startStoreVerifyOnly(
  env: Record<string, string> = {},
): Promise<Target & { pid: number }> {
  const dir = mkdtempSync(join(tmpdir(), "digistore-bench-verify-"));
  keepBenchWebhookKey(dir);
  try {
    const server = await startBareServer("store-verify-only.ts", [], {
      NODE_ENV: "production",
      DEMO: "on",
      LOG_LEVEL: "warn",
      DATA_DIR: dir,
      DATABASE_URL: `file:${join(dir, "bench.db")}`,
      ...env,
    });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A bare node:http server answering the same JSON: the ceiling for this machine. */
export function startBareHttp(): Promise<Target & { pid: number }> {
  return startBareServer("bare-http.ts");
}

/**
 * One of the baseline servers in `bench/servers/` in its own process (as the store runs in
 * its own): it prints its port on stdout once listening.
 */
export async function startBareServer(
  name: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<Target & { pid: number }> {
  const script = fileURLToPath(new URL(`../servers/${name}`, import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  // The port is the first line that is only digits (a server may log before it listens).
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split("\n").find((l) => /^\d+$/.test(l.trim()));
      if (line === undefined) return;
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      resolve(Number(line.trim()));
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}:\n${seen}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        // A process ended by a signal has no exit code, only a signal code: gone all the same.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

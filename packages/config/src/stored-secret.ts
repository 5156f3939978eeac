import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataPaths } from "./data-paths";
import type { ServerConfig } from "./server-config";

const NAME = /^[a-z0-9-]+$/;

/**
 * A secret the operator did not configure: generated once, kept under DATA_DIR/secrets (0600)
 * and read back by every later start, every process sharing DATA_DIR and the CLI — so no
 * secret is a constant in the source, and a restart does not invalidate what it signed.
 * `make` shapes a new value (e.g. a `whsec_` prefix); the default is 32 random bytes.
 */
export function storedSecret(
  config: Pick<ServerConfig, "DATA_DIR">,
  name: string,
  make: (random: Buffer) => string = (random) => random.toString("base64url"),
): string {
  if (!NAME.test(name)) throw new Error(`bad secret name ${JSON.stringify(name)}`);
  const dir = dataPaths(config).secrets;
  const file = join(dir, name);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: when two processes start at once, the first write wins and both read it.
    writeFileSync(file, `${make(randomBytes(32))}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`could not keep the ${name} secret in ${dir}`);
  return created;
}

function readSecret(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

import { createHash } from "node:crypto";
import { migrations } from "../migrations/index";

let key: string | undefined;

/**
 * Names a migrated template: a hash of every migration's name and code, so a template built
 * before a migration was added (or edited) is never handed out after.
 */
export function migrationsKey(): string {
  if (key) return key;
  const hash = createHash("sha256");
  for (const [name, migration] of Object.entries(migrations)) {
    hash.update(`${name}\0${String(migration.up)}\0${String(migration.down)}\0`);
  }
  key = hash.digest("hex").slice(0, 16);
  return key;
}

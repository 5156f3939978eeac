import { join, resolve } from "node:path";
import type { ServerConfig } from "./server-config";

/** Where each kind of local data lives under DATA_DIR, the same for the server and the CLI. */
export function dataPaths(config: Pick<ServerConfig, "DATA_DIR">) {
  const root = resolve(config.DATA_DIR);
  return {
    root,
    mail: join(root, "mail"),
    storage: join(root, "storage"),
    secrets: join(root, "secrets"),
  };
}

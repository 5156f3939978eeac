import { loadServerConfig, type ServerConfig } from "@digistore/config";

/** The only place the web app reads the environment; a bad variable stops the boot. */
export function readEnv(): ServerConfig {
  return loadServerConfig(process.env);
}

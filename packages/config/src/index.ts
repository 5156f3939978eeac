export { loadServerConfig, ZServerEnv, ConfigError } from "./server-config";
export type { ServerConfig } from "./server-config";
export { dataPaths } from "./data-paths";

export { loadServerConfig, ConfigError } from "./server-config";
export type { ServerConfig } from "./server-config";
export { dataPaths } from "./data-paths";
export { paymentsConnection, EMULATOR_PATH } from "./payments-connection";
export type { PaymentsConnection } from "./payments-connection";
export { storedSecret } from "./stored-secret";
export type { TrustProxy } from "./trust-proxy";

export { loadServerConfig, ZServerEnv, ConfigError } from "./server-config";
export type { ServerConfig } from "./server-config";
export { dataPaths } from "./data-paths";
export {
  paymentsConnection,
  EMULATOR_API_KEY,
  EMULATOR_WEBHOOK_KEY,
  EMULATOR_PATH,
} from "./payments-connection";
export type { PaymentsConnection } from "./payments-connection";

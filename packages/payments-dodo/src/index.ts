export { createDodoProvider } from "./dodo-provider";
export type { DodoProviderOptions } from "./dodo-provider";
export type { DodoEnvironment } from "./dodo-client";

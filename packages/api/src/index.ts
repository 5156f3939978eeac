export { appRouter, createCaller } from "./root";
export type { AppRouter } from "./root";
export { createContext } from "./context";
export type { AppServices, Context, Actor, RequestInfo } from "./context";
export type { ErrorData } from "./errors";

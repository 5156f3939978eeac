import type { Clock } from "@digistore/core";
import type { Db } from "@digistore/db";

/** Long-lived dependencies, built once per process by the app and shared by every request. */
export interface AppServices {
  readonly db: Db;
  readonly clock: Clock;
}

/** Who is calling. Accounts replace the anonymous-only placeholder with real users. */
export type Actor = { readonly kind: "anonymous" };

export interface RequestInfo {
  readonly requestId: string;
  readonly ip?: string;
  readonly userAgent?: string;
}

export interface Context extends AppServices {
  readonly requestId: string;
  readonly actor: Actor;
  readonly request: RequestInfo;
}

export function createContext(services: AppServices, request: RequestInfo): Context {
  return { ...services, requestId: request.requestId, actor: { kind: "anonymous" }, request };
}

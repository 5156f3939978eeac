import type { MaintenanceState } from "./maintenance";

/** A path that keeps answering during maintenance, and why (for the web app's docs). */
export interface MaintenanceExemptPath {
  /** `exact`: the path alone (a query string is fine); `prefix`: anything under it. */
  readonly match: "exact" | "prefix";
  readonly path: string;
  readonly reason: string;
}

export const MAINTENANCE_EXEMPT_PATHS: readonly MaintenanceExemptPath[] = Object.freeze([
  { match: "prefix", path: "/webhooks/", reason: "payment provider webhooks must not be lost" },
  { match: "exact", path: "/healthz", reason: "load balancer and uptime checks" },
  { match: "prefix", path: "/assets/", reason: "static assets the maintenance page uses" },
  { match: "exact", path: "/favicon.ico", reason: "static asset" },
  { match: "exact", path: "/robots.txt", reason: "static asset" },
  { match: "exact", path: "/login", reason: "staff must be able to sign in" },
]);

/** Retry-After when no (future) expected time is set. */
const DEFAULT_RETRY_AFTER_SECONDS = 300;
/** Retry-After never asks for less than this. */
const MIN_RETRY_AFTER_SECONDS = 60;

export type MaintenanceSurface = "page" | "api";

export interface MaintenanceAccessInput {
  readonly maintenance: MaintenanceState;
  /** `page`: answer 503 with the message; `api`: SERVICE_UNAVAILABLE. */
  readonly surface: MaintenanceSurface;
  /** The request's URL path, with or without its query string (a full http(s) URL also works). */
  readonly path: string;
  readonly isStaff: boolean;
  /** The request carries a bypass cookie that `verifyBypassCookie` accepted. */
  readonly hasBypass: boolean;
  /** The tRPC procedure is marked `maintenanceExempt` (login, health); API calls only. */
  readonly procedureExempt?: boolean | undefined;
  /** For Retry-After; defaults to the current time (pass it to keep the function pure). */
  readonly now?: Date | undefined;
}

export type MaintenanceAccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly message: string; readonly retryAfterSeconds: number };

const ALLOWED: MaintenanceAccessDecision = Object.freeze({ allowed: true });

/**
 * The path without query string or fragment, or null when it is not a plain absolute path
 * (dot segments, backslashes, bad escapes): such a path is never exempt, so `/webhooks/../x`
 * cannot reach a blocked route once a server normalises it.
 */
function plainPath(pathOrUrl: string): string | null {
  const path = /^https?:\/\//i.test(pathOrUrl) ? pathOfUrl(pathOrUrl) : pathOrUrl;
  if (path === null) return null;
  const end = path.search(/[?#]/);
  const bare = end === -1 ? path : path.slice(0, end);
  if (!bare.startsWith("/") || bare.startsWith("//")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return null;
  }
  if (decoded.includes("\\") || decoded.includes("\0")) return null;
  if (decoded.split("/").some((segment) => segment === "." || segment === "..")) return null;
  return bare;
}

/** A full request URL (what `Request.url` holds) → its path, as the server will route it. */
function pathOfUrl(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** Whether the path is on the exemption list (query string ignored). */
export function isMaintenanceExemptPath(path: string): boolean {
  const bare = plainPath(path);
  if (bare === null) return false;
  return MAINTENANCE_EXEMPT_PATHS.some((rule) =>
    rule.match === "exact" ? bare === rule.path : bare.startsWith(rule.path),
  );
}

/** Seconds until `expectedBackAt` when it is in the future (at least 60), else 300. */
export function maintenanceRetryAfterSeconds(maintenance: MaintenanceState, now: Date): number {
  const backAt = maintenance.expectedBackAt ? Date.parse(maintenance.expectedBackAt) : NaN;
  const seconds = Math.ceil((backAt - now.getTime()) / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(MIN_RETRY_AFTER_SECONDS, seconds);
}

/**
 * The one maintenance decision, used by the HTTP layer (pages, webhooks, assets) and by the
 * tRPC middleware alike. Off: everyone in. On: staff, bypass holders, exempt paths and exempt
 * procedures in; everyone else gets the message and a Retry-After.
 */
export function decideMaintenanceAccess(input: MaintenanceAccessInput): MaintenanceAccessDecision {
  const { maintenance } = input;
  if (!maintenance.enabled) return ALLOWED;
  if (input.isStaff || input.hasBypass) return ALLOWED;
  if (isMaintenanceExemptPath(input.path)) return ALLOWED;
  if (input.surface === "api" && input.procedureExempt === true) return ALLOWED;
  return {
    allowed: false,
    message: maintenance.message,
    retryAfterSeconds: maintenanceRetryAfterSeconds(maintenance, input.now ?? new Date()),
  };
}

import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "./reply";

/** One request as a route sees it, independent of where the emulator is mounted. */
export interface RequestContext {
  readonly method: string;
  /** The path inside the emulator, e.g. `/checkouts/cks_…`, without any mount prefix. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** What precedes `path` in the URL the client used: `""`, or e.g. `/_dodo`. */
  readonly mountPrefix: string;
  /** Scheme and host for absolute links (`publicUrl`, else the listening or Host address). */
  readonly origin: string;
  /** The JSON (or hosted-page form) body; `{}` when there is none. Malformed JSON answers 400. */
  body(): Promise<unknown>;
}

export type Handler = (req: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** API and control routes need the Bearer key; the hosted checkout page does not. */
  readonly auth: boolean;
  readonly handler: Handler;
}

/** `"/products/:id"` → a route whose `:id` segment becomes `params.id`. */
export function route(method: string, path: string, auth: boolean, handler: Handler): Route {
  const source = path
    .split("/")
    .map((segment) =>
      segment.startsWith(":")
        ? `(?<${segment.slice(1)}>[^/]+)`
        : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return { method, pattern: new RegExp(`^${source}/?$`), auth, handler };
}

export type RouteMatch =
  | { readonly kind: "found"; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: "method_not_allowed"; readonly allow: string[] }
  | { readonly kind: "not_found" };

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const allow: string[] = [];
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    if (candidate.method !== method) {
      allow.push(candidate.method);
      continue;
    }
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.groups ?? {})) {
      try {
        params[key] = decodeURIComponent(value);
      } catch {
        return { kind: "not_found" };
      }
    }
    return { kind: "found", route: candidate, params };
  }
  return allow.length > 0 ? { kind: "method_not_allowed", allow } : { kind: "not_found" };
}

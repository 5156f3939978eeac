import { canonicalPath, safeLocalPath } from "@digistore/core";
import { BYPASS_QUERY_PARAM } from "./bypass";

export interface BypassRequest {
  /** The `?bypass=` value, or null when the URL has none. */
  readonly key: string | null;
  /** The same path and query without the key: where to redirect after setting the cookie. */
  readonly redirectTo: string;
}

/**
 * Splits `?bypass=<key>` off a request's path and query. `redirectTo` is always a path on
 * this site (never `//host`), so it is safe as a `Location` header.
 */
export function takeBypassParam(pathAndQuery: string): BypassRequest {
  const url = new URL(pathAndQuery, "http://site.invalid");
  const key = url.searchParams.get(BYPASS_QUERY_PARAM);
  url.searchParams.delete(BYPASS_QUERY_PARAM);
  const path = canonicalPath(url.pathname) ?? "/";
  return { key, redirectTo: safeLocalPath(`${path}${url.search}`, "/") };
}

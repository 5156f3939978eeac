/**
 * Paths on this site, judged in the form a browser and the routers will actually use.
 *
 * Every check works on the *normalised* path (WHATWG URL parsing: dot segments resolved,
 * backslashes read as slashes, tabs and newlines dropped, `%2e` read as a dot), because a
 * check on the raw string and a use of the normalised one disagree exactly where an attacker
 * wants them to: `/a/..//evil.com` is harmless text but normalises to `//evil.com`.
 */

const BASE = "http://local.invalid";
const MAX_TARGET_LENGTH = 2000;

// RFC 3986 §6.2.2.2: escapes of unreserved characters mean the character itself.
const UNRESERVED_ESCAPE = /%(2[dD]|2[eE]|3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])/g;

function decodeUnreserved(path: string): string {
  return path.replace(UNRESERVED_ESCAPE, (escape) =>
    String.fromCharCode(parseInt(escape.slice(1), 16)),
  );
}

/** A path that another origin could be read from: `//host` or `/\host` after normalising. */
function leavesSite(path: string): boolean {
  return path.startsWith("//") || path.startsWith("/\\");
}

/**
 * The one spelling of a request path that the store serves: WHATWG-normalised, unreserved
 * escapes decoded, no empty segments. Null when the input is not an absolute path at all.
 * A request whose raw path differs from this is answered with a redirect to it (or refused),
 * so every later layer — maintenance gate, origin check, routers — judges the same string.
 */
export function canonicalPath(rawPath: string): string | null {
  if (!rawPath.startsWith("/") && !rawPath.startsWith("\\")) return null;
  let pathname: string;
  try {
    // A leading `//` would be read as a host; as a request path it is just a slash.
    pathname = new URL(rawPath.replace(/[\t\n\r]/g, "").replace(/^[/\\]+/, "/"), BASE).pathname;
  } catch {
    return null;
  }
  // Decoding may form new dot segments (`%2E%2E` is already resolved, `.%2E` too, but a
  // decoded `%2F` never is: it stays escaped), so normalise again until it is stable.
  for (let i = 0; i < 4; i++) {
    const next = new URL(decodeUnreserved(pathname).replace(/\/{2,}/g, "/"), BASE).pathname;
    if (next === pathname) return pathname;
    pathname = next;
  }
  return null;
}

/**
 * A redirect target that stays on this site, normalised; `fallback` for anything else
 * (absolute or protocol-relative URLs, other schemes, control characters, paths that
 * normalise to `//host`). The value returned is what the browser will request.
 */
export function safeLocalPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > MAX_TARGET_LENGTH) return fallback;
  // Browsers strip or reinterpret these before resolving; a clean target has none of them.
  if ([...target].some((c) => c.charCodeAt(0) < 0x20 || c === "\u007f" || c === "\\"))
    return fallback;
  if (!target.startsWith("/") || leavesSite(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = canonicalPath(url.pathname);
  if (path === null || leavesSite(path)) return fallback;
  const result = `${path}${url.search}${url.hash}`;
  // Decide on exactly what the browser will do with the result, not on what we meant.
  const resolved = new URL(result, BASE);
  return resolved.origin === BASE && !leavesSite(resolved.pathname) ? result : fallback;
}

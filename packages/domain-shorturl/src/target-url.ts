import { canonicalPath } from "@digistore/core";

export const MAX_TARGET_LENGTH = 2048;

export const UTM_FIELDS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
] as const;
type UtmField = (typeof UTM_FIELDS)[number];
export type UtmTags = Partial<Record<UtmField, string | null>>;

export type TargetProblem =
  "not_absolute" | "scheme" | "credentials" | "too_long" | "loop" | "whitespace";

export const TARGET_PROBLEM_MESSAGES: Record<TargetProblem, string> = {
  not_absolute: "Enter a full address, starting with https:// or http://.",
  scheme: "Links can only point to http:// or https:// addresses.",
  credentials: "The address must not contain a user name or password.",
  too_long: `The address is too long (at most ${MAX_TARGET_LENGTH} characters, UTM tags included).`,
  loop: "A link cannot point to another short link on this store.",
  whitespace: "The address must not contain spaces or control characters.",
};

function isSpaceOrControl(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code <= 0x20 || code === 0x7f || /\s/.test(char);
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A host as the browser will resolve it: the WHATWG parser has already lowercased it, mapped
 * IDN and full-width forms to punycode and rewritten numeric IPv4 spellings (`0x7f.1`); what
 * is left is the trailing dot of a fully qualified name, and loopback's several names.
 */
function hostKey(url: URL): string {
  const host = url.hostname.replace(/\.+$/, "");
  if (LOOPBACK.has(host) || /^127\./.test(host) || host.endsWith(".localhost")) return "loopback";
  return host;
}

/** The path as this store's router would see it (case-insensitive routes, dot segments, escapes). */
function pointsAtShortLinks(url: URL): boolean {
  // An escaped slash never splits a route segment here, but a proxy in front might decode it.
  const path = (canonicalPath(url.pathname) ?? url.pathname).toLowerCase().replace(/%2f/g, "/");
  return path === "/s" || path.startsWith("/s/");
}

/**
 * The address a link redirects to, UTM tags applied, or the reason it cannot be one. Judged on
 * the parsed form a browser uses, never on the typed string.
 */
export function resolveTarget(
  raw: string,
  utm: UtmTags,
  storeOrigin: string,
): { ok: true; url: string } | { ok: false; problem: TargetProblem } {
  const typed = raw.trim();
  if ([...typed].some(isSpaceOrControl)) return { ok: false, problem: "whitespace" };
  if (typed.length > MAX_TARGET_LENGTH) return { ok: false, problem: "too_long" };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, problem: "not_absolute" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, problem: "scheme" };
  if (url.username || url.password) return { ok: false, problem: "credentials" };
  if (!url.hostname) return { ok: false, problem: "not_absolute" };
  if (hostKey(url) === hostKey(new URL(storeOrigin)) && pointsAtShortLinks(url)) {
    return { ok: false, problem: "loop" };
  }
  for (const field of UTM_FIELDS) {
    const value = utm[field];
    if (value) url.searchParams.set(field, value);
  }
  const final = url.toString();
  if (final.length > MAX_TARGET_LENGTH) return { ok: false, problem: "too_long" };
  return { ok: true, url: final };
}

/** Whether a redirect to `target` lands on this store (then it may carry attribution). */
export function isStoreTarget(target: string, storeOrigin: string): boolean {
  try {
    return hostKey(new URL(target)) === hostKey(new URL(storeOrigin));
  } catch {
    return false;
  }
}

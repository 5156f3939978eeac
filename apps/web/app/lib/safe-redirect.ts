/**
 * Only same-site paths may be redirect targets: "/account" yes; "//evil.com", "/\\evil.com",
 * "https://evil.com" and "javascript:" no. Anything else falls back.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > 2000) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\"))
    return fallback;
  // Control characters and backslashes can be normalised by browsers into another origin.
  if (target.includes("\\") || [...target].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  try {
    const url = new URL(target, "http://same.invalid");
    return url.origin === "http://same.invalid"
      ? `${url.pathname}${url.search}${url.hash}`
      : fallback;
  } catch {
    return fallback;
  }
}

import { describe, expect, it } from "vitest";
import { canonicalPath, safeLocalPath } from "./local-path";

const BASE = "https://store.example";

/** What a browser does with a Location header: where does it go? */
function landsOnSite(location: string): boolean {
  const url = new URL(location, `${BASE}/login`);
  return url.origin === BASE;
}

// Inputs that must never send the browser to another origin, in the raw and encoded forms
// that browsers, URL parsers and our own normalisation can each turn into `//host`.
const HOSTILE = [
  "//evil.com",
  "///evil.com",
  "////evil.com",
  "/\\evil.com",
  "\\\\evil.com",
  "\\/evil.com",
  "/\\/evil.com",
  "https://evil.com/",
  "http://evil.com",
  "HTTPS://evil.com",
  "https:evil.com",
  "https:/evil.com",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "evil.com",
  "evil.com/path",
  "@evil.com",
  "/a/..//evil.com",
  "/a/../..//evil.com",
  "/a/b/../../..//evil.com",
  "/.//evil.com",
  "/./\\evil.com",
  "/%2e%2e//evil.com",
  "/%2E%2E//evil.com",
  "/.%2e//evil.com",
  "/%2e./%2fevil.com",
  "/x/%2e%2e//evil.com",
  "/x/%2e%2e/%2e%2e//evil.com",
  "/%2e%2e/%2e%2e//evil.com/x?y#z",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "/%09/evil.com\\x",
  "/\u0000/evil.com",
  "/\u001f/evil.com",
  "/\u007f/evil.com",
  "/a/..\\..\\evil.com",
  "/..\\evil.com",
  "/\\\\evil.com",
  "/%5C/evil.com\\",
  "//evil.com/%2e%2e",
  "//evil.com@store.example",
  "/\\@evil.com",
  "//%65vil.com",
  "//evil%2ecom",
  "/" + "a/".repeat(1000) + "x",
  "",
  "   ",
  "?next=//evil.com",
  "#//evil.com",
];

describe("safeLocalPath", () => {
  it("has a broad variant set", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE.map((input) => [JSON.stringify(input), input]))(
    "never leaves the site for %s",
    (_label, input) => {
      const result = safeLocalPath(input, "/account");
      expect(landsOnSite(result)).toBe(true);
      expect(result.startsWith("/")).toBe(true);
      expect(result.startsWith("//")).toBe(false);
      expect(result).not.toContain("\\");
    },
  );

  it.each([undefined, null, 42, {}, ["/x"]])("falls back for a non-string %s", (input) => {
    expect(safeLocalPath(input, "/account")).toBe("/account");
  });

  it.each([
    ["/products/icons?ref=x#buy", "/products/icons?ref=x#buy"],
    ["/", "/"],
    ["/account", "/account"],
    ["/products/a/../b", "/products/b"],
    ["/products/%2e%2e/library", "/library"],
    ["/library//x", "/library/x"],
    ["/%70roducts", "/products"],
    ["/products/caf%C3%A9", "/products/caf%C3%A9"],
    ["/search?q=//evil.com", "/search?q=//evil.com"],
  ])("keeps the same-site path %s as %s", (input, expected) => {
    expect(safeLocalPath(input)).toBe(expected);
  });

  it("returns exactly what the browser will request", () => {
    for (const input of HOSTILE) {
      const result = safeLocalPath(input, "/fallback");
      const url = new URL(result, BASE);
      expect(`${url.pathname}${url.search}${url.hash}`).toBe(result);
    }
  });
});

describe("canonicalPath", () => {
  it.each([
    ["/", "/"],
    ["/account", "/account"],
    ["/api/trpcx/../../login", "/login"],
    ["/api/trpc/../../dev/mail", "/dev/mail"],
    ["/webhooks/../logout", "/logout"],
    ["/webhooks/%2e%2e/logout", "/logout"],
    ["/webhooks/.%2E/logout", "/logout"],
    ["/%64ev/%6Dail", "/dev/mail"],
    ["/a//b///c", "/a/b/c"],
    ["//evil.com/x", "/evil.com/x"],
    ["/a\\..\\b", "/b"],
    ["/x/./y", "/x/y"],
    ["/x/%2e/y", "/x/y"],
    ["/caf%C3%A9", "/caf%C3%A9"],
    ["/keep%2Fslash", "/keep%2Fslash"],
    ["/%7Euser", "/~user"],
  ])("%s is served as %s", (raw, expected) => {
    expect(canonicalPath(raw)).toBe(expected);
  });

  it("is stable: the canonical form of a canonical path is itself", () => {
    for (const raw of ["/a/..//b", "/%2e%2e/%2e%2e/x", "/%252e%252e/x", "/x/.%2e/.%2e/y"]) {
      const once = canonicalPath(raw)!;
      expect(canonicalPath(once)).toBe(once);
    }
  });

  it.each(["", "x", "http://evil.com/", "*"])("is null for the non-path %s", (raw) => {
    expect(canonicalPath(raw)).toBeNull();
  });
});

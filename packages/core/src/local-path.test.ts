import { describe, expect, it } from "vitest";
import { canonicalPath, safeLocalPath } from "./local-path";
import { HOSTILE_REDIRECTS as HOSTILE } from "./testing";

const BASE = "https://store.example";

/** What a browser does with a Location header: where does it go? */
function landsOnSite(location: string): boolean {
  const url = new URL(location, `${BASE}/login`);
  return url.origin === BASE;
}

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

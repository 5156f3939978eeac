import { describe, expect, it } from "vitest";
import { takeBypassParam } from "./bypass-url";

describe("takeBypassParam", () => {
  it.each([
    ["/products?bypass=k3y", "k3y", "/products"],
    ["/?bypass=k3y", "k3y", "/"],
    ["/products/ebook?page=2&bypass=k3y&sort=new", "k3y", "/products/ebook?page=2&sort=new"],
    ["/a?bypass=a%2Bb%2F", "a+b/", "/a"],
    ["/a?bypass=", "", "/a"],
    ["/a?page=2", null, "/a?page=2"],
    ["/a", null, "/a"],
    // Never a redirect to another host.
    ["//evil.example/path?bypass=k", "k", "/path"],
    ["/\\evil.example?bypass=k", "k", "/"],
    ["https://evil.example/x?bypass=k", "k", "/x"],
    ["/.//evil.example?bypass=k", "k", "/evil.example"],
  ])("splits %j into key %j and redirect %j", (input, key, redirectTo) => {
    expect(takeBypassParam(input)).toEqual({ key, redirectTo });
  });
});

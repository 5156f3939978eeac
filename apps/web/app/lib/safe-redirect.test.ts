import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeRedirect("/products/icons?ref=x#buy")).toBe("/products/icons?ref=x#buy");
    expect(safeRedirect("/")).toBe("/");
  });

  it.each([
    "//evil.com",
    "/\\evil.com",
    "https://evil.com/",
    "javascript:alert(1)",
    "evil.com",
    "/\t/evil.com",
    "/%0a/evil.com\\x",
    "",
    undefined,
    42,
  ])("refuses %s", (target) => {
    expect(safeRedirect(target, "/account")).toBe("/account");
  });
});

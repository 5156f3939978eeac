import { describe, expect, it } from "vitest";
import { isStoreTarget, MAX_TARGET_LENGTH, resolveTarget, type TargetProblem } from "./target-url";

const STORE = "https://shop.example.com";

function problemOf(raw: string, store = STORE): TargetProblem | "ok" {
  const result = resolveTarget(raw, {}, store);
  return result.ok ? "ok" : result.problem;
}

describe("link targets", () => {
  it("accepts http and https addresses, normalised as a browser would", () => {
    expect(resolveTarget("  https://Example.COM/a/../b?x=1 ", {}, STORE)).toEqual({
      ok: true,
      url: "https://example.com/b?x=1",
    });
    expect(problemOf("http://example.com")).toBe("ok");
    // The store's own pages are fine targets: only its short links would loop.
    expect(problemOf("https://shop.example.com/products/tablesmith")).toBe("ok");
    expect(problemOf("https://shop.example.com/sell")).toBe("ok");
    expect(problemOf("https://shop.example.com/search?q=/s/x")).toBe("ok");
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.com/file",
    "file:///etc/passwd",
    "mailto:a@example.com",
    "vbscript:msgbox",
    "blob:https://example.com/uuid",
    "ws://example.com/socket",
  ])("refuses the scheme of %s", (raw) => {
    expect(problemOf(raw)).toBe("scheme");
  });

  it.each(["example.com", "/products/x", "//example.com/x", "../x", "https://"])(
    "refuses %s, which is not a full address",
    (raw) => {
      expect(problemOf(raw)).toBe("not_absolute");
    },
  );

  it.each([
    "https://user:pass@example.com/",
    "https://user@example.com/",
    "https://:pass@example.com/",
    "https://example.com%40evil.com@good.com/",
  ])("refuses credentials in %s", (raw) => {
    expect(problemOf(raw)).toBe("credentials");
  });

  it.each([
    "https://exa mple.com/",
    "https://example.com/\nx",
    "https://example.com/\tx",
    "https://example.com/\u0000",
  ])("refuses whitespace and control characters in %j", (raw) => {
    expect(problemOf(raw)).toBe("whitespace");
  });

  it("refuses addresses over 2,048 characters, before and after UTM tags", () => {
    const base = "https://example.com/";
    expect(problemOf(base + "a".repeat(MAX_TARGET_LENGTH - base.length))).toBe("ok");
    expect(problemOf(base + "a".repeat(MAX_TARGET_LENGTH - base.length + 1))).toBe("too_long");
    const nearly = base + "a".repeat(MAX_TARGET_LENGTH - base.length - 5);
    expect(resolveTarget(nearly, { utm_source: "newsletter" }, STORE)).toEqual({
      ok: false,
      problem: "too_long",
    });
  });

  it.each([
    "https://shop.example.com/s/abc",
    "https://shop.example.com/s",
    "https://shop.example.com/s/",
    "http://shop.example.com/s/abc",
    "https://SHOP.EXAMPLE.COM/s/abc",
    "https://shop.example.com./s/abc",
    "https://shop.example.com:8443/s/abc",
    "https://shop.example.com/S/abc",
    "https://shop.example.com/x/../s/abc",
    "https://shop.example.com/./s/abc",
    "https://shop.example.com/%73/abc",
    "https://shop.example.com/%2E/s/abc",
    "https://shop.example.com//s/abc",
    "https://shop.example.com/s%2Fabc",
    "https://shop.example.com\\s\\abc",
    "https://ｓｈｏｐ.example.com/s/abc",
    "https://shop.example.com/s/abc?utm_source=x#frag",
  ])("refuses %s, a loop back into the store's short links", (raw) => {
    expect(problemOf(raw)).toBe("loop");
  });

  it("knows the loopback names and numeric spellings of a local store", () => {
    const local = "http://localhost:3000";
    for (const raw of [
      "http://127.0.0.1:3000/s/x",
      "http://127.1/s/x",
      "http://0x7f000001/s/x",
      "http://2130706433/s/x",
      "http://[::1]:3000/s/x",
      "http://LOCALHOST/s/x",
      "http://app.localhost/s/x",
    ]) {
      expect([raw, problemOf(raw, local)]).toEqual([raw, "loop"]);
    }
    expect(problemOf("http://127.0.0.1:3000/products/x", local)).toBe("ok");
  });

  it("maps internationalised hosts before comparing them", () => {
    const idnStore = "https://bücher.example";
    expect(problemOf("https://xn--bcher-kva.example/s/x", idnStore)).toBe("loop");
    expect(problemOf("https://BÜCHER.example/s/x", idnStore)).toBe("loop");
    expect(problemOf("https://bucher.example/s/x", idnStore)).toBe("ok");
  });

  it("appends the UTM tags it is given, replacing ones the address already has", () => {
    expect(
      resolveTarget(
        "https://example.com/page?utm_source=old&keep=1",
        {
          utm_source: "newsletter",
          utm_medium: "email",
          utm_campaign: "black friday",
          utm_term: null,
        },
        STORE,
      ),
    ).toEqual({
      ok: true,
      url: "https://example.com/page?utm_source=newsletter&keep=1&utm_medium=email&utm_campaign=black+friday",
    });
  });

  it("tells targets on the store from the rest", () => {
    expect(isStoreTarget("https://SHOP.example.com./products/x", STORE)).toBe(true);
    expect(isStoreTarget("https://example.com/", STORE)).toBe(false);
    expect(isStoreTarget("not a url", STORE)).toBe(false);
  });
});

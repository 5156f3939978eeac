import { describe, expect, it } from "vitest";
import { finalUrl } from "./final-url";

describe("the link form's final URL preview", () => {
  it("sets the filled UTM tags on the target, trimmed, replacing ones already there", () => {
    expect(
      finalUrl(" https://example.com/post?utm_source=old&x=1 ", {
        utmSource: " newsletter ",
        utmCampaign: "spring sale",
        utmTerm: "  ",
      }),
    ).toBe("https://example.com/post?utm_source=newsletter&x=1&utm_campaign=spring+sale");
  });

  it("shows nothing until the target is a web address", () => {
    expect(finalUrl("", {})).toBeNull();
    expect(finalUrl("example.com", {})).toBeNull();
    expect(finalUrl("javascript:alert(1)", { utmSource: "x" })).toBeNull();
  });
});

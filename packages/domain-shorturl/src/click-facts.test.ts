import { describe, expect, it } from "vitest";
import { describeClick, referrerHost } from "./click-facts";

const at = new Date("2026-12-01T10:00:00.000Z");
const UA = {
  chromeMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  ipad: "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  curl: "curl/8.5.0",
  slack: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
};

describe("what a click says about its visitor", () => {
  it("tells devices, browsers and operating systems apart", () => {
    expect(describeClick({ linkId: "l", at, userAgent: UA.chromeMac })).toMatchObject({
      device: "desktop",
      browser: "Chrome",
      os: "Mac OS",
      isBot: false,
    });
    expect(describeClick({ linkId: "l", at, userAgent: UA.safariIphone })).toMatchObject({
      device: "mobile",
      os: "iOS",
      isBot: false,
    });
    expect(describeClick({ linkId: "l", at, userAgent: UA.ipad })).toMatchObject({
      device: "tablet",
    });
    expect(describeClick({ linkId: "l", at, userAgent: UA.firefoxLinux })).toMatchObject({
      device: "desktop",
      browser: "Firefox",
      os: "Linux",
    });
  });

  it("counts crawlers, link previews, scripts and empty agents as bots", () => {
    for (const userAgent of [UA.googlebot, UA.curl, UA.slack, "", undefined]) {
      expect([userAgent, describeClick({ linkId: "l", at, userAgent })]).toMatchObject([
        userAgent,
        { isBot: true, device: "bot" },
      ]);
    }
  });

  it("keeps only the referrer's host, and only from web pages", () => {
    expect(referrerHost("https://News.Example.com./path?email=a@b.c#x")).toBe("news.example.com");
    expect(referrerHost("android-app://com.slack/")).toBeNull();
    expect(referrerHost("not a url")).toBeNull();
    expect(referrerHost(undefined)).toBeNull();
  });

  it("takes a two-letter country from the proxy and nothing else", () => {
    const country = (value: string | undefined) =>
      describeClick({ linkId: "l", at, userAgent: UA.chromeMac, country: value }).country;
    expect(country("de")).toBe("DE");
    expect(country("XX")).toBeNull();
    expect(country("DEU")).toBeNull();
    expect(country("<script>")).toBeNull();
    expect(country(undefined)).toBeNull();
  });
});

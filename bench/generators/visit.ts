/**
 * What a person's browser sends when following a link from a post: a real user agent (parsed
 * into device, browser and OS, and not a bot, so every click reaches the rollups) and a
 * referrer (its host is kept).
 */
export const VISIT_HEADERS: Readonly<Record<string, string>> = {
  "user-agent":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  referer: "https://news.example.org/posts/launch?ref=feed",
};

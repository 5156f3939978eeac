import { DAY, HOUR, ManualClock, type UserActor } from "@digistore/core";
import type { CatalogContext } from "@digistore/domain-catalog";
import { createDiscount } from "@digistore/domain-discounts";
import { createClickRecorder, createShortLink } from "@digistore/domain-shorturl";

/** What the demo's seller has to show on their links and discount pages from the first start. */
const DEMO_DISCOUNT_CODE = "WELCOME10";
const DEMO_LINK_SLUG = "nova-launch";

const AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
];
const REFERRERS = [
  "https://news.ycombinator.com/item?id=1",
  "https://www.reddit.com/r/webdev/",
  undefined,
  "https://mastodon.social/@nova",
];

/**
 * A discount code for every product of `seller`, and a short link to one of them with four
 * weeks of made-up visits (recorded through the real click recorder, so its rollups and
 * analytics are the ones a store in use has). Visits are deterministic: the same every seed.
 */
export async function seedDemoMarketing(
  deps: Pick<CatalogContext, "db" | "dialect"> & { readonly publicUrl: string },
  now: Date,
  seller: UserActor,
  productId: string,
): Promise<void> {
  const clock = new ManualClock(now.getTime() - 28 * DAY);
  const ctx = { ...deps, clock, actor: seller };
  await createDiscount(ctx, {
    code: DEMO_DISCOUNT_CODE,
    kind: "percent",
    percentOff: 10,
    allProducts: true,
    maxRedemptions: 100,
  });
  const link = await createShortLink(ctx, {
    slug: DEMO_LINK_SLUG,
    productId,
    utmSource: "newsletter",
  });

  const recorder = createClickRecorder({ db: deps.db, clock });
  for (let day = 27; day >= 0; day--) {
    // A launch spike that settles: more visits in the first week.
    const visits = 4 + Math.round(30 / (1 + (27 - day) / 3)) + ((day * 7) % 5);
    // About one visit in four is someone coming back the same day.
    const people = Math.max(1, Math.ceil(visits * 0.75));
    for (let i = 0; i < visits; i++) {
      const at = new Date(now.getTime() - day * DAY - ((i * 37) % 20) * HOUR);
      if (at > now) continue;
      const person = i % people;
      recorder.record({
        linkId: link.id,
        at,
        userAgent: AGENTS[(person + day) % AGENTS.length],
        referrer: REFERRERS[(person * 3 + day) % REFERRERS.length],
        ip: `198.51.100.${(person * 11 + day) % 250}`,
      });
    }
    if (day % 3 === 0) {
      recorder.record({
        linkId: link.id,
        at: new Date(now.getTime() - day * DAY - 3 * HOUR),
        userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      });
    }
  }
  await recorder.flush();
}

import { DAY, HOUR, ManualClock, userActor } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RawClick } from "./click-facts";
import { createClickRecorder } from "./click-recorder";
import { createShortLink } from "./create-short-link";
import { shortUrlCtx } from "./testing";

const CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

describe.each(testDialects())("click recording on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let linkId: string;
  let otherLinkId: string;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-12-01T10:15:00.000Z");
    const ctx = shortUrlCtx(t.db, userActor((await createTestUser(t.db)).user), clock);
    linkId = (await createShortLink(ctx, { targetUrl: "https://a.example" })).id;
    otherLinkId = (await createShortLink(ctx, { targetUrl: "https://b.example" })).id;
  });
  afterEach(() => t.close());

  const recorder = (options: { batchSize?: number; maxQueue?: number } = {}) =>
    createClickRecorder({ db: t.db, clock, ...options });
  const click = (over: Partial<RawClick> = {}): RawClick => ({
    linkId,
    at: clock.now(),
    userAgent: CHROME,
    ip: "203.0.113.7",
    ...over,
  });
  const hours = () =>
    t.db.selectFrom("link_click_hours").selectAll().orderBy("link_id").orderBy("hour").execute();

  it("stores clicks in batches with hourly rollups that match them, bots apart", async () => {
    const clicks = recorder({ batchSize: 3 });
    clicks.record(click());
    clicks.record(
      click({ ip: "198.51.100.1", userAgent: IPHONE, referrer: "https://news.example/a?b" }),
    );
    clicks.record(click()); // the same visitor again
    clicks.record(click({ userAgent: BOT }));
    clicks.record(click({ at: new Date(clock.now().getTime() + HOUR) }));
    clicks.record(click({ linkId: otherLinkId }));
    await clicks.flush();

    expect(clicks.stats()).toEqual({ recorded: 6, stored: 6, dropped: 0, pending: 0 });
    const stored = await t.db.selectFrom("link_clicks").selectAll().execute();
    expect(stored).toHaveLength(6);
    expect(stored.filter((c) => c.is_bot === 1)).toHaveLength(1);
    expect(stored.find((c) => c.referrer_host)?.referrer_host).toBe("news.example");
    // Neither the address nor the agent is stored, only the salted hash.
    expect(JSON.stringify(stored)).not.toContain("203.0.113.7");

    const rollups = (await hours()).map(
      ({ link_id, hour, clicks, unique_visitors, bot_clicks }) => ({
        mine: link_id === linkId,
        hour,
        clicks,
        unique_visitors,
        bot_clicks,
      }),
    );
    expect(rollups.filter((r) => r.mine)).toEqual([
      {
        mine: true,
        hour: "2026-12-01T10:00:00.000Z",
        clicks: 3,
        unique_visitors: 2,
        bot_clicks: 1,
      },
      // Seen earlier that day: a click, not a new visitor.
      {
        mine: true,
        hour: "2026-12-01T11:00:00.000Z",
        clicks: 1,
        unique_visitors: 0,
        bot_clicks: 0,
      },
    ]);
    expect(rollups.filter((r) => !r.mine)).toEqual([
      {
        mine: false,
        hour: "2026-12-01T10:00:00.000Z",
        clicks: 1,
        unique_visitors: 1,
        bot_clicks: 0,
      },
    ]);

    const facets = await t.db
      .selectFrom("link_click_facets")
      .select(["facet", "value", "clicks"])
      .where("link_id", "=", linkId)
      .orderBy("facet")
      .orderBy("value")
      .execute();
    expect(facets.filter((f) => f.facet === "device")).toEqual([
      { facet: "device", value: "desktop", clicks: 3 },
      { facet: "device", value: "mobile", clicks: 1 },
    ]);
    expect(facets.filter((f) => f.facet === "referrer")).toEqual([
      { facet: "referrer", value: "(direct)", clicks: 3 },
      { facet: "referrer", value: "news.example", clicks: 1 },
    ]);
  });

  it("counts a returning visitor once a day, and again after the salt rotates", async () => {
    const clicks = recorder();
    clicks.record(click());
    await clicks.flush();
    clicks.record(click());
    await clicks.flush();
    clock.advance(DAY);
    clicks.record(click());
    await clicks.flush();
    const uniques = (await hours()).map((h) => [h.hour.slice(0, 10), h.unique_visitors]);
    expect(uniques).toEqual([
      ["2026-12-01", 1],
      ["2026-12-02", 1],
    ]);
    const salts = await t.db
      .selectFrom("visitor_salts")
      .select(["day", "salt"])
      .orderBy("day")
      .execute();
    expect(salts.map((s) => s.day)).toEqual(["2026-12-01", "2026-12-02"]);
    expect(salts[0]!.salt).not.toBe(salts[1]!.salt);
  });

  it("deletes salts and sightings older than yesterday", async () => {
    const clicks = recorder();
    clicks.record(click());
    await clicks.flush();
    clock.advance(3 * DAY);
    clicks.record(click());
    await clicks.flush();
    const days = await t.db.selectFrom("visitor_salts").select("day").execute();
    expect(days.map((d) => d.day)).toEqual(["2026-12-04"]);
    const sightings = await t.db.selectFrom("link_visitor_days").select("day").execute();
    expect(sightings.map((d) => d.day)).toEqual(["2026-12-04"]);
  });

  it("loses nothing on a graceful stop, and bounds what it holds", async () => {
    const clicks = recorder({ batchSize: 7, maxQueue: 50 });
    for (let i = 0; i < 60; i++) clicks.record(click({ ip: `198.51.100.${i}` }));
    expect(clicks.stats()).toMatchObject({ recorded: 60, dropped: 10, pending: 50 });
    await clicks.stop();
    expect(clicks.stats()).toMatchObject({ stored: 50, pending: 0 });
    const count = await t.db
      .selectFrom("link_clicks")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(50);
    const [hour] = await hours();
    expect(hour).toMatchObject({ clicks: 50, unique_visitors: 50 });
  });

  it("keeps a failed batch for one retry, then drops it and says so", async () => {
    const errors: unknown[] = [];
    const clicks = createClickRecorder({ db: t.db, clock, onError: (e) => errors.push(e) });
    clicks.record(click({ linkId: "no-such-link" })); // the foreign key refuses it
    await expect(clicks.flush()).rejects.toThrow();
    expect(clicks.stats()).toMatchObject({ pending: 1, dropped: 0 });
    clicks.record(click());
    await expect(clicks.flush()).rejects.toThrow();
    expect(clicks.stats()).toMatchObject({ dropped: 1, pending: 1 });
    await clicks.flush();
    expect(clicks.stats()).toMatchObject({ stored: 1, dropped: 1, pending: 0 });
    expect(errors).toHaveLength(2);
  });
});

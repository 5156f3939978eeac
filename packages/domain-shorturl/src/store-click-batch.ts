import {
  insertJsonRows,
  type ClickFacet,
  type Database,
  type JsonColumn,
  type LinkClickFacetsTable,
} from "@digistore/db";
import type { Kysely, Transaction } from "kysely";
import { describeClick, type RawClick } from "./click-facts";
import { saltForDay, visitorHash } from "./visitor-salt";

/** Multi-row statements, small enough for SQLite's variable limit. */
function chunks<T>(rows: readonly T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** A facet value on a link in one period: a UTC day (YYYY-MM-DD) or month (YYYY-MM). */
interface FacetKey {
  readonly link: string;
  readonly period: string;
  readonly facet: ClickFacet;
  readonly value: string;
}

function bump<K>(map: Map<string, { key: K; n: number }>, id: string, key: K, by = 1) {
  const entry = map.get(id);
  if (entry) entry.n += by;
  else map.set(id, { key, n: by });
}

/** `link_clicks` in the order storeClickBatch lays out each click's row. */
const CLICK_COLUMNS: readonly JsonColumn[] = [
  { name: "link_id", type: "text" },
  { name: "clicked_at", type: "text" },
  { name: "referrer_host", type: "text" },
  { name: "device", type: "text" },
  { name: "browser", type: "text" },
  { name: "os", type: "text" },
  { name: "is_bot", type: "integer" },
  { name: "country", type: "text" },
  { name: "visitor_hash", type: "text" },
];

// The two facet rollups differ only in their period column, named after it.
const FACET_TABLES = { day: "link_click_facets", month: "link_click_facet_months" } as const;

/** Adds tallied counts to a facet rollup, in key order (see storeClickBatch on deadlocks). */
async function addFacetCounts(
  trx: Transaction<Database>,
  by: "day" | "month",
  tally: ReadonlyMap<string, { key: FacetKey; n: number }>,
): Promise<void> {
  const rows = [...tally.keys()].sort().map((id) => {
    const { key, n } = tally.get(id)!;
    return { link_id: key.link, [by]: key.period, facet: key.facet, value: key.value, clicks: n };
  });
  // Typed as the day table: the month table's rows are the same but for the column named `by`.
  const table = FACET_TABLES[by] as "link_click_facets";
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto(table)
      .values(chunk as unknown as LinkClickFacetsTable[])
      .onConflict((oc) =>
        oc.columns(["link_id", by as "day", "facet", "value"]).doUpdateSet((eb) => ({
          clicks: eb(`${table}.clicks`, "+", eb.ref("excluded.clicks")),
        })),
      )
      .execute();
  }
}

/**
 * One batch in one transaction: the clicks, who was new on each link that day, and the hourly
 * and per-day rollups that analytics read instead. Rollup keys are written in sorted order so
 * two processes flushing at once lock rows in the same order (no deadlock on PostgreSQL).
 */
export async function storeClickBatch(
  db: Kysely<Database>,
  batch: readonly RawClick[],
): Promise<void> {
  if (batch.length === 0) return;
  // Clicks arrive many to a millisecond: each distinct instant is formatted once.
  let lastMs = Number.NaN;
  let lastInstant = "";
  const instants = batch.map((click) => {
    const ms = click.at.getTime();
    if (ms !== lastMs) {
      lastMs = ms;
      lastInstant = click.at.toISOString();
    }
    return lastInstant;
  });
  const salts = new Map<string, string>();
  for (const day of new Set(instants.map((at) => at.slice(0, 10)))) {
    salts.set(day, await saltForDay(db, day));
  }
  // A visitor who clicks again within the batch is hashed once: the hash is most of a click's cost.
  const hashes = new Map<string, string>();
  const rows = batch.map((click, i) => {
    const at = instants[i]!;
    const day = at.slice(0, 10);
    const visitor = `${day}\n${click.ip ?? ""}\n${click.userAgent ?? ""}`;
    let hash = hashes.get(visitor);
    if (hash === undefined) {
      hash = visitorHash(salts.get(day)!, click.ip, click.userAgent);
      hashes.set(visitor, hash);
    }
    return {
      click,
      at,
      facts: describeClick(click),
      day,
      hour: `${at.slice(0, 13)}:00:00.000Z`,
      hash,
    };
  });

  await db.transaction().execute(async (trx) => {
    await insertJsonRows(
      trx,
      "link_clicks",
      CLICK_COLUMNS,
      rows.map(({ click, at, facts, hash }) => [
        click.linkId,
        at,
        facts.referrerHost,
        facts.device,
        facts.browser,
        facts.os,
        facts.isBot ? 1 : 0,
        facts.country,
        hash,
      ]),
    );

    const people = rows.filter((row) => !row.facts.isBot);
    const sightings = [
      ...new Map(
        people.map((row) => [`${row.click.linkId}|${row.day}|${row.hash}`, row] as const),
      ).values(),
    ];
    const firstSeen = new Set<string>();
    const sightingRows = sightings
      .map((row) => ({ link_id: row.click.linkId, day: row.day, visitor_hash: row.hash }))
      .sort((a, b) =>
        `${a.link_id}|${a.day}|${a.visitor_hash}`.localeCompare(
          `${b.link_id}|${b.day}|${b.visitor_hash}`,
        ),
      );
    for (const chunk of chunks(sightingRows)) {
      const inserted = await trx
        .insertInto("link_visitor_days")
        .values(chunk)
        .onConflict((oc) => oc.columns(["link_id", "day", "visitor_hash"]).doNothing())
        .returning(["link_id", "day", "visitor_hash"])
        .execute();
      for (const row of inserted) firstSeen.add(`${row.link_id}|${row.day}|${row.visitor_hash}`);
    }

    const hours = new Map<
      string,
      { key: { link: string; hour: string }; clicks: number; unique: number; bots: number }
    >();
    const counted = new Set<string>();
    for (const row of rows) {
      const id = `${row.click.linkId}|${row.hour}`;
      let entry = hours.get(id);
      if (!entry) {
        entry = { key: { link: row.click.linkId, hour: row.hour }, clicks: 0, unique: 0, bots: 0 };
        hours.set(id, entry);
      }
      if (row.facts.isBot) {
        entry.bots += 1;
        continue;
      }
      entry.clicks += 1;
      const visitor = `${row.click.linkId}|${row.day}|${row.hash}`;
      if (firstSeen.has(visitor) && !counted.has(visitor)) {
        counted.add(visitor);
        entry.unique += 1;
      }
    }
    const hourRows = [...hours.keys()].sort().map((id) => {
      const { key, clicks, unique, bots } = hours.get(id)!;
      return {
        link_id: key.link,
        hour: key.hour,
        clicks,
        unique_visitors: unique,
        bot_clicks: bots,
      };
    });
    for (const chunk of chunks(hourRows)) {
      await trx
        .insertInto("link_click_hours")
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(["link_id", "hour"]).doUpdateSet((eb) => ({
            clicks: eb("link_click_hours.clicks", "+", eb.ref("excluded.clicks")),
            unique_visitors: eb(
              "link_click_hours.unique_visitors",
              "+",
              eb.ref("excluded.unique_visitors"),
            ),
            bot_clicks: eb("link_click_hours.bot_clicks", "+", eb.ref("excluded.bot_clicks")),
          })),
        )
        .execute();
    }

    // Clicks with the same facts on the same link and day are tallied once, then spread.
    const alike = new Map<string, { key: (typeof people)[number]; n: number }>();
    for (const row of people) {
      const { referrerHost, device, browser, os, country } = row.facts;
      const id = `${row.click.linkId}|${row.day}|${referrerHost}|${device}|${browser}|${os}|${country}`;
      bump(alike, id, row);
    }
    const facets = new Map<string, { key: FacetKey; n: number }>();
    for (const { key: row, n } of alike.values()) {
      const { click, facts, day } = row;
      const values: Record<ClickFacet, string> = {
        referrer: facts.referrerHost ?? "(direct)",
        device: facts.device,
        browser: facts.browser ?? "(unknown)",
        os: facts.os ?? "(unknown)",
        country: facts.country ?? "(unknown)",
      };
      for (const [facet, value] of Object.entries(values) as [ClickFacet, string][]) {
        bump(
          facets,
          `${click.linkId}|${day}|${facet}|${value}`,
          { link: click.linkId, period: day, facet, value },
          n,
        );
      }
    }
    await addFacetCounts(trx, "day", facets);
    // The same counts per month (what long ranges read), from the day counts just summed.
    const months = new Map<string, { key: FacetKey; n: number }>();
    for (const { key, n } of facets.values()) {
      const month = key.period.slice(0, "YYYY-MM".length);
      bump(months, `${key.link}|${month}|${key.facet}|${key.value}`, { ...key, period: month }, n);
    }
    await addFacetCounts(trx, "month", months);
  });
}

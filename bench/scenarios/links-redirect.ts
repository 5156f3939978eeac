import { countStoredClicks, seedShortLink } from "../generators/short-link";
import { VISIT_HEADERS } from "../generators/visit";
import { onSqliteAndPostgres, type DialectLabel, type DialectRun } from "../lib/dialects";
import { measure, type LoadOptions, type LoadResult } from "../lib/load";
import { cpuDuring } from "../lib/proc";
import { ratio, type Scenario } from "../lib/scenario";
import { expectRedirect, startStoreWithLink } from "../lib/link-store";
import { startBareServer } from "../lib/targets";

/** The recorder writes its queue every second: what is left after the load lands by then. */
const SETTLE_MS = 2500;
const WARMUP_SECONDS = 2;

interface Measured {
  readonly result: LoadResult;
  /** Server CPU per answered request in the measured run (not the warm-up), if /proc tells. */
  readonly cpuUs: number | null;
}

/** An unrecorded warm-up, then the measured run with the server's CPU time around it. */
async function measureRedirects(
  name: string,
  target: { url: string; pid: number | null },
  path: string,
): Promise<Measured> {
  const load: LoadOptions = {
    url: `${target.url}${path}`,
    headers: { ...VISIT_HEADERS },
    expectStatus: 302,
  };
  await measure("warm-up", { ...load, seconds: WARMUP_SECONDS, warmupSeconds: 0 });
  const measured = await cpuDuring(target.pid, () => measure(name, { ...load, warmupSeconds: 0 }));
  const answers = measured.value.totalRequests;
  return {
    result: measured.value,
    cpuUs: measured.cpuSeconds === null || !answers ? null : (measured.cpuSeconds * 1e6) / answers,
  };
}

const round = (value: number | null) => (value === null ? null : Math.round(value));

function cpuRatio(name: string, baseline: Measured, candidate: Measured) {
  return baseline.cpuUs && candidate.cpuUs
    ? [{ name, value: Math.round((baseline.cpuUs / candidate.cpuUs) * 1000) / 1000 }]
    : [];
}

async function runOn(
  label: DialectLabel,
  env: Record<string, string>,
  bare: Measured,
): Promise<DialectRun> {
  const { store, link, path } = await startStoreWithLink(env);
  try {
    await expectRedirect(`${store.url}${path}`, link);
    const redirects = await measureRedirects(`GET /s/:slug (store) @${label}`, store, path);
    // Not a floor: proof that the clicks of the load were recorded, not skipped.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const stored = await countStoredClicks(store.databaseUrl, link.linkId);
    return {
      results: [redirects.result],
      ratios: [
        // The floor: the redirect with click recording ≥ 0.5× a bare fixed 302.
        ratio(`GET /s/:slug @${label} / bare 302`, redirects.result, bare.result, 0.5),
        // Not the measure: the same comparison by server CPU per request.
        ...cpuRatio(
          label === "postgres"
            ? `GET /s/:slug @${label} / bare 302, by node CPU per request (info; PostgreSQL's own CPU not counted)`
            : `GET /s/:slug @${label} / bare 302, by server CPU per request (info)`,
          bare,
          redirects,
        ),
      ],
      notes: {
        "server CPU µs per request": { bare302: round(bare.cpuUs), store: round(redirects.cpuUs) },
        slug: link.slug,
        destination: link.destination,
        // Warm-up, measured run and pre-flight alike; answers autocannon cut off may add a few.
        clicksStored: stored,
        answersCounted: redirects.result.totalRequests,
      },
    };
  } finally {
    await store.stop();
  }
}

/**
 * `GET /s/:slug` through the real store (cache lookup, click queued, batches written with
 * their rollups while the load runs) against a bare node:http server answering the same
 * fixed 302; the bare server runs once, then the store on SQLite and on PostgreSQL.
 */
export const linksRedirect: Scenario = {
  name: "links-redirect",
  description:
    "GET /s/:slug with click recording vs a bare node:http fixed 302, SQLite and PostgreSQL",
  async run() {
    // The same link made in a throwaway database: the exact Location the store will answer.
    const { destination, slug } = await seedShortLink(":memory:");
    const server = await startBareServer("bare-redirect.ts", [destination]);
    let bare: Measured;
    try {
      bare = await measureRedirects("bare node:http fixed 302", server, `/s/${slug}`);
    } finally {
      await server.stop();
    }
    const report = await onSqliteAndPostgres((label, env) => runOn(label, env, bare));
    return { ...report, results: [bare.result, ...report.results] };
  },
};

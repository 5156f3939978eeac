import autocannon from "autocannon";
import { countStoredClicks } from "../generators/short-link";
import { VISIT_HEADERS } from "../generators/visit";
import { onSqliteAndPostgres, type DialectLabel, type DialectRun } from "../lib/dialects";
import { benchSeconds } from "../lib/load";
import { expectRedirect, startStoreWithLink } from "../lib/link-store";
import type { Scenario } from "../lib/scenario";

const CONNECTIONS = 32;
/** apps/web/server.ts gives up on a graceful stop after 5 s and exits anyway. */
const FORCED_EXIT_MS = 5000;
/** Answers already on the wire when the process exits are parsed by then. */
const DRAIN_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LoadUntilStopped {
  readonly redirects: number;
  /** 302s answered after SIGTERM was sent (the server finishing what it had started). */
  readonly redirectsAfterSigterm: number;
  readonly redirectsPerSecondBeforeSigterm: number;
  readonly otherAnswers: Record<string, number>;
  readonly connectionErrors: number;
  readonly loadSeconds: number;
  readonly exitMs: number;
}

/**
 * Redirects with no end set, then SIGTERM to the store while they keep coming; the load only
 * stops once the process has exited, so every answer the server wrote is counted.
 */
async function loadThenStop(
  url: string,
  seconds: number,
  stop: () => Promise<void>,
): Promise<LoadUntilStopped> {
  let redirects = 0;
  let stopping = false;
  let redirectsBeforeSigterm = 0;
  const otherAnswers: Record<string, number> = {};
  let instance!: autocannon.Instance;
  // The callback form hands back the instance (to listen to and stop) as well as the result.
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        headers: { ...VISIT_HEADERS },
        connections: CONNECTIONS,
        // Ended by `instance.stop()` after the exit; this is only a backstop.
        duration: seconds + 60,
      },
      (error: Error | null, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on("response", (_client: unknown, status: number) => {
    if (status === 302) {
      redirects += 1;
      if (!stopping) redirectsBeforeSigterm += 1;
    } else otherAnswers[status] = (otherAnswers[status] ?? 0) + 1;
  });
  const started = performance.now();
  await sleep(seconds * 1000);
  const signalled = performance.now();
  stopping = true;
  const loadSeconds = (signalled - started) / 1000;
  await stop();
  const exitMs = Math.round(performance.now() - signalled);
  await sleep(DRAIN_MS);
  instance.stop();
  const result = await finished;
  return {
    redirects,
    redirectsAfterSigterm: redirects - redirectsBeforeSigterm,
    redirectsPerSecondBeforeSigterm: Math.round(redirectsBeforeSigterm / loadSeconds),
    otherAnswers,
    connectionErrors: result.errors,
    loadSeconds: Math.round(loadSeconds * 10) / 10,
    exitMs,
  };
}

async function runOn(label: DialectLabel, env: Record<string, string>): Promise<DialectRun> {
  const { store, link, path } = await startStoreWithLink(env);
  try {
    const url = `${store.url}${path}`;
    await expectRedirect(url, link);
    // The real shutdown path: SIGTERM, server.close(), then runtime.close() stops the click
    // recorder (flushing its queue) before the database closes. Only the process stops here:
    // its database is counted afterwards, then removed with the data directory.
    const load = await loadThenStop(url, benchSeconds(), () => store.server.stop());
    // The pre-flight visit is one more answered redirect.
    const answered = load.redirects + 1;
    const stored = await countStoredClicks(store.databaseUrl, link.linkId);
    const failures =
      stored === answered
        ? []
        : [
            `links-shutdown @${label}: ${answered} redirects answered but ${stored} clicks stored ` +
              `(${answered - stored} ${stored < answered ? "lost" : "stored without a counted answer"})`,
          ];
    return {
      results: [],
      ratios: [],
      notes: {
        redirectsAnswered: answered,
        clicksStored: stored,
        lost: answered - stored,
        redirectsAfterSigterm: load.redirectsAfterSigterm,
        otherAnswers: load.otherAnswers,
        // Refused connections once the server stopped listening: expected, not lost clicks.
        connectionErrors: load.connectionErrors,
        loadSecondsBeforeSigterm: load.loadSeconds,
        sigtermToExitMs: load.exitMs,
        forcedExit: load.exitMs >= FORCED_EXIT_MS,
        redirectsPerSecondBeforeSigterm: load.redirectsPerSecondBeforeSigterm,
      },
      failures,
    };
  } finally {
    await store.stop();
  }
}

/**
 * Sustained redirects, then a graceful stop while they keep coming: every 302 the store
 * answered must be a row in `link_clicks` once the process has exited (0 lost).
 */
export const linksShutdown: Scenario = {
  name: "links-shutdown",
  description: `GET /s/:slug under load (${CONNECTIONS} connections), SIGTERM mid-load: redirects answered == clicks stored, SQLite and PostgreSQL`,
  run: () => onSqliteAndPostgres(runOn),
};

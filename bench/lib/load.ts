import autocannon from "autocannon";

export interface LoadOptions {
  readonly url: string;
  readonly method?: "GET" | "POST";
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Per-request generator (distinct bodies, ids…); overrides method/body. */
  readonly requests?: autocannon.Request[];
  /**
   * Like `requests`, but made afresh for every connection. autocannon shares one `requests`
   * array (and the request buffer it builds into it) between connections, so a `setupRequest`
   * that hands out a distinct body per request only holds up when each connection has its own.
   */
  readonly perConnection?: () => autocannon.Request[];
  readonly connections?: number;
  readonly seconds?: number;
  /** Warm-up before the measured run (default: 2 s, or `seconds` if shorter; 0 skips it). */
  readonly warmupSeconds?: number;
  /**
   * The status every answer should have (e.g. 302 for a redirect); `non2xx` then counts the
   * answers with any other status. Unset: any 2xx is right.
   */
  readonly expectStatus?: number;
}

export interface LoadResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly totalRequests: number;
  readonly errors: number;
  /** Answers with an unexpected status: not 2xx, or not `expectStatus` when it is set. */
  readonly non2xx: number;
  readonly seconds: number;
}

export function benchSeconds(): number {
  const value = Number(process.env.BENCH_SECONDS ?? 10);
  return Number.isFinite(value) && value > 0 && value <= 120 ? value : 10;
}

function run(options: LoadOptions, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: options.url,
    method: options.method ?? "GET",
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.requests ? { requests: options.requests } : {}),
    ...(options.perConnection
      ? { setupClient: (client: autocannon.Client) => client.setRequests(options.perConnection!()) }
      : {}),
    connections: options.connections ?? 32,
    duration: seconds,
  });
}

function unexpectedAnswers(result: autocannon.Result, expectStatus: number | undefined): number {
  if (expectStatus === undefined) return result.non2xx;
  const answers = Object.values(result.statusCodeStats ?? {}).reduce(
    (sum, stat) => sum + (stat.count ?? 0),
    0,
  );
  return answers - (result.statusCodeStats?.[`${expectStatus}`]?.count ?? 0);
}

/** A short warm-up (JIT, caches, pools), then a bounded measured run on loopback. */
export async function measure(name: string, options: LoadOptions): Promise<LoadResult> {
  const seconds = options.seconds ?? benchSeconds();
  const warmup = options.warmupSeconds ?? Math.min(2, seconds);
  if (warmup > 0) await run(options, warmup);
  const result = await run(options, seconds);
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    errors: result.errors,
    non2xx: unexpectedAnswers(result, options.expectStatus),
    seconds,
  };
}

import type { LoadResult } from "./load";

/** Sequential reads for `ms`: one page view after another, as a single owner would. */
export async function timeReads(read: () => Promise<unknown>, ms: number): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const started = performance.now();
    await read();
    times.push(performance.now() - started);
  }
  return times;
}

export function summariseReads(name: string, times: number[]): LoadResult & { meanMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  const totalMs = times.reduce((a, b) => a + b, 0);
  return {
    name,
    requestsPerSecond: Math.round((times.length / totalMs) * 1000 * 10) / 10,
    latencyP50Ms: at(0.5),
    latencyP99Ms: at(0.99),
    totalRequests: times.length,
    errors: 0,
    non2xx: 0,
    seconds: Math.round(totalMs / 100) / 10,
    meanMs: totalMs / times.length,
  };
}

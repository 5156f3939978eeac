import type { LoadResult } from "./load";

export interface Ratio {
  readonly name: string;
  /** candidate requests/s ÷ baseline requests/s (or another like-for-like figure). */
  readonly value: number;
  /** The floor for this ratio, when it sets one. */
  readonly atLeast?: number;
}

export interface ScenarioReport {
  readonly results: LoadResult[];
  readonly ratios: Ratio[];
  readonly notes?: Record<string, unknown>;
  /** Checks that did not hold (e.g. clicks lost on a stop): printed, and the run fails. */
  readonly failures?: string[];
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  run(): Promise<ScenarioReport>;
}

export function ratio(
  name: string,
  candidate: LoadResult,
  baseline: LoadResult,
  atLeast?: number,
): Ratio {
  const value = baseline.requestsPerSecond
    ? Math.round((candidate.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 1000
    : 0;
  return atLeast === undefined ? { name, value } : { name, value, atLeast };
}

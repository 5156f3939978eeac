import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { BYPASS_SECRET_KEY, parseStoredBypassSecret, type BypassSecret } from "./bypass-secret";
import { MAINTENANCE_KEY, parseStoredMaintenance, type MaintenanceState } from "./maintenance";
import type { InvalidatesSiteSettings } from "./ports";
import { findSettingValues } from "./site-settings.repository";

const DEFAULT_SITE_SETTINGS_TTL_MS = 5000;

/** Everything the request path needs, read together in one query. */
export interface SiteSettingsSnapshot {
  readonly maintenance: MaintenanceState;
  readonly bypassSecret: BypassSecret | null;
}

export interface SiteSettingsReaderStats {
  /** Queries started (successful or not); a cache hit adds none. */
  readonly queries: number;
  /** Queries that failed (the last good snapshot was served instead, if there was one). */
  readonly failures: number;
}

export interface SiteSettingsReader extends InvalidatesSiteSettings {
  maintenance(): Promise<MaintenanceState>;
  bypassSecret(): Promise<BypassSecret | null>;
  snapshot(): Promise<SiteSettingsSnapshot>;
  /** Forget the snapshot: the next read queries. Call after changing a setting. */
  invalidate(): void;
  stats(): SiteSettingsReaderStats;
}

export interface SiteSettingsReaderOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** How long a snapshot is served without asking the database (default 5 s). */
  readonly ttlMs?: number;
}

/**
 * A per-process cache of the site settings. Within the TTL a read costs no query; after it,
 * the next read refreshes, and concurrent readers share that one query. Other processes see
 * a change within the TTL; the process that made it sees it at once (`invalidate`). If a
 * refresh fails, the last good snapshot keeps being served and the next read retries; only
 * a reader that never succeeded passes the error on.
 */
export function createSiteSettingsReader(options: SiteSettingsReaderOptions): SiteSettingsReader {
  const { db, clock } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_SITE_SETTINGS_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs < 0) {
    throw new RangeError(`ttlMs must be a non-negative number, got ${ttlMs}`);
  }

  let current: { snapshot: SiteSettingsSnapshot; fetchedAtMs: number } | null = null;
  let lastGood: SiteSettingsSnapshot | null = null;
  let inFlight: Promise<SiteSettingsSnapshot> | null = null;
  // Bumped by invalidate(): a query started before it may have read the old value, so its
  // answer is served to the callers already waiting but never cached.
  let generation = 0;
  let queries = 0;
  let failures = 0;

  const isFresh = (fetchedAtMs: number): boolean => {
    const age = clock.now().getTime() - fetchedAtMs;
    return age >= 0 && age < ttlMs;
  };

  async function load(): Promise<SiteSettingsSnapshot> {
    const values = await findSettingValues(db, [MAINTENANCE_KEY, BYPASS_SECRET_KEY]);
    return {
      maintenance: parseStoredMaintenance(values.get(MAINTENANCE_KEY)),
      bypassSecret: parseStoredBypassSecret(values.get(BYPASS_SECRET_KEY)),
    };
  }

  function refresh(): Promise<SiteSettingsSnapshot> {
    const startedIn = generation;
    const startedAtMs = clock.now().getTime();
    queries += 1;
    const promise = load().then(
      (snapshot) => {
        if (startedIn === generation) {
          current = { snapshot, fetchedAtMs: startedAtMs };
          lastGood = snapshot;
        }
        return snapshot;
      },
      (error: unknown) => {
        failures += 1;
        if (lastGood) return lastGood;
        throw error;
      },
    );
    const settled = promise.finally(() => {
      if (inFlight === settled) inFlight = null;
    });
    inFlight = settled;
    return settled;
  }

  function snapshot(): Promise<SiteSettingsSnapshot> {
    if (current && isFresh(current.fetchedAtMs)) return Promise.resolve(current.snapshot);
    return inFlight ?? refresh();
  }

  return {
    snapshot,
    maintenance: async () => (await snapshot()).maintenance,
    bypassSecret: async () => (await snapshot()).bypassSecret,
    invalidate: () => {
      generation += 1;
      current = null;
      inFlight = null;
    },
    stats: () => ({ queries, failures }),
  };
}

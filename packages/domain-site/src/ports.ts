import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";

/** Anything that caches site settings and must forget them when they change. */
export interface InvalidatesSiteSettings {
  invalidate(): void;
}

export interface SiteDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** This process's cache; a verb that changes a setting invalidates it at once. */
  readonly reader?: InvalidatesSiteSettings | undefined;
}

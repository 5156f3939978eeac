import type { Clock } from "@digistore/core";
import type { Database, Dialect } from "@digistore/db";
import type { Kysely } from "kysely";
import { DEFAULT_UPDATED_BADGE_MS } from "./product";
import type { FileStorage } from "./storage";

export interface CatalogLimits {
  /** Largest version file accepted (default 2 GiB). */
  readonly maxUploadBytes: number;
  readonly maxCoverBytes: number;
  /** How long the "Updated" badge shows after a new version (default 3 days). */
  readonly updatedBadgeMs: number;
}

export const DEFAULT_CATALOG_LIMITS: CatalogLimits = {
  maxUploadBytes: 2 * 1024 ** 3,
  maxCoverBytes: 5 * 1024 ** 2,
  updatedBadgeMs: DEFAULT_UPDATED_BADGE_MS,
};

export interface CatalogDeps {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly clock: Clock;
  readonly storage: FileStorage;
  readonly limits: CatalogLimits;
}

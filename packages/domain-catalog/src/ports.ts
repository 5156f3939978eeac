import type { VerbContext } from "@digistore/db";
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

/** What catalogue verbs may take from: the api's request context satisfies it as it is. */
export interface CatalogContext extends VerbContext {
  readonly storage: FileStorage;
  readonly catalogLimits: CatalogLimits;
}

import type { VerbContext } from "@digistore/db";

/** Anything that caches site settings and must forget them when they change. */
export interface InvalidatesSiteSettings {
  invalidate(): void;
}

/** Where a request came from (the bypass key's per-IP limit). */
export interface SiteClient {
  readonly ip?: string | undefined;
}

/** What the site-settings verbs take (each picks what it needs), named as the api names them. */
export interface SiteContext extends VerbContext {
  /** This process's cache; a verb that changes a setting invalidates it at once. */
  readonly site?: InvalidatesSiteSettings | undefined;
  readonly client: SiteClient;
}

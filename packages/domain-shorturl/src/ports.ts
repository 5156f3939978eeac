import type { VerbContext } from "@digistore/db";

/** What the short-link verbs need beyond the database: the store's public origin. */
export interface ShortUrlContext extends VerbContext {
  /** e.g. https://shop.example.com — short links are `${publicUrl}/s/<slug>`. */
  readonly publicUrl: string;
}

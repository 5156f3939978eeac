import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { findShortLinkRowBySlug } from "./short-links.repository";
import { normaliseSlug } from "./slug";
import { isStoreTarget } from "./target-url";
import { toShortLink } from "./to-short-link";

export type LinkResolution =
  | {
      readonly kind: "redirect";
      readonly linkId: string;
      readonly destination: string;
      /** The destination is on this store: the redirect may set the attribution cookie. */
      readonly onStore: boolean;
    }
  | { readonly kind: "disabled" }
  | { readonly kind: "expired" }
  | { readonly kind: "unknown" };

interface Entry {
  readonly fetchedAtMs: number;
  readonly link: {
    readonly id: string;
    readonly destination: string;
    readonly onStore: boolean;
    readonly disabled: boolean;
    readonly expiresAt: string | null;
  } | null;
}

export interface LinkResolver {
  resolve(slug: string): Promise<LinkResolution>;
  /** Forget one slug in this process (after an edit); other processes see it within the TTL. */
  invalidate(slug: string): void;
  stats(): { readonly queries: number; readonly size: number };
}

export interface LinkResolverOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** How long an answer is served without asking the database (default 3 s). */
  readonly ttlMs?: number;
  /** Most slugs remembered; the least recently fetched go first (default 10,000). */
  readonly maxEntries?: number;
}

const SLUG_SHAPE = /^[a-z0-9_-]{1,64}$/;

/**
 * The redirect's lookup: within the TTL an answer costs no query (unknown slugs included, so a
 * scan of random slugs cannot hammer the database), and concurrent misses share one query.
 * Expiry is judged at every call, not when cached.
 */
export function createLinkResolver(options: LinkResolverOptions): LinkResolver {
  const ttlMs = options.ttlMs ?? 3000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry>>();
  let queries = 0;

  async function load(slug: string): Promise<Entry> {
    queries += 1;
    const now = options.clock.now();
    const row = await findShortLinkRowBySlug(options.db, slug);
    const link = row ? toShortLink(row, options.publicUrl, now) : null;
    return {
      fetchedAtMs: options.clock.now().getTime(),
      link: link && {
        id: link.id,
        destination: link.destination,
        onStore: isStoreTarget(link.destination, options.publicUrl),
        disabled: link.state === "disabled",
        expiresAt: link.expiresAt,
      },
    };
  }

  /** A fresh cached entry is returned as is: the redirect then waits on nothing. */
  function entryFor(slug: string): Entry | Promise<Entry> {
    const cached = entries.get(slug);
    // Not moved to the end on a hit: a link in use is fetched again every TTL and goes to the
    // end then, so insertion order is recency to within a TTL without a reorder per click.
    if (cached && options.clock.now().getTime() - cached.fetchedAtMs < ttlMs) return cached;
    return inFlight.get(slug) ?? fetchEntry(slug);
  }

  async function fetchEntry(slug: string): Promise<Entry> {
    const pending = load(slug).finally(() => inFlight.delete(slug));
    inFlight.set(slug, pending);
    const entry = await pending;
    entries.delete(slug);
    entries.set(slug, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return entry;
  }

  function answerFor({ link }: Entry): LinkResolution {
    if (!link) return { kind: "unknown" };
    if (link.disabled) return { kind: "disabled" };
    if (link.expiresAt && link.expiresAt <= options.clock.now().toISOString()) {
      return { kind: "expired" };
    }
    return {
      kind: "redirect",
      linkId: link.id,
      destination: link.destination,
      onStore: link.onStore,
    };
  }

  return {
    resolve(rawSlug) {
      const slug = normaliseSlug(rawSlug);
      if (!SLUG_SHAPE.test(slug)) return Promise.resolve({ kind: "unknown" });
      const entry = entryFor(slug);
      return entry instanceof Promise ? entry.then(answerFor) : Promise.resolve(answerFor(entry));
    },
    invalidate(slug) {
      entries.delete(normaliseSlug(slug));
    },
    stats: () => ({ queries, size: entries.size }),
  };
}

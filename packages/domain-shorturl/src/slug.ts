import { randomInt } from "node:crypto";

/** No 0/o, 1/l/i: a slug read aloud or off a poster is typed right the first time. */
export const RANDOM_SLUG_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const RANDOM_SLUG_LENGTH = 7;
export const CUSTOM_SLUG_PATTERN = /^[a-z0-9_-]{3,64}$/;

/**
 * Words that are, or may become, the store's own routes or mean something to a reader; a link
 * may never take one, so a future page never has to fight a link for its address.
 */
const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about",
  "account",
  "accounts",
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "blog",
  "build",
  "cart",
  "catalog",
  "catalogue",
  "categories",
  "category",
  "checkout",
  "contact",
  "dashboard",
  "dev",
  "docs",
  "download",
  "downloads",
  "edit",
  "favicon",
  "health",
  "healthz",
  "help",
  "home",
  "invoice",
  "invoices",
  "legal",
  "library",
  "licence",
  "licences",
  "license",
  "licenses",
  "link",
  "links",
  "login",
  "logout",
  "magic",
  "mail",
  "new",
  "null",
  "oauth",
  "order",
  "orders",
  "pay",
  "payment",
  "payments",
  "pricing",
  "privacy",
  "product",
  "products",
  "profile",
  "register",
  "reset",
  "robots",
  "search",
  "sell",
  "seller",
  "sellers",
  "settings",
  "shop",
  "signin",
  "signout",
  "signup",
  "sitemap",
  "static",
  "staff",
  "status",
  "store",
  "support",
  "supports",
  "terms",
  "undefined",
  "unsubscribe",
  "user",
  "users",
  "verify",
  "webhook",
  "webhooks",
  "www",
  "_dodo",
]);

/** Slugs are compared and stored lowercased: `/s/Promo` and `/s/promo` are one link. */
export function normaliseSlug(slug: string): string {
  return slug.trim().toLowerCase();
}

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(normaliseSlug(slug));
}

export function randomSlug(): string {
  let slug = "";
  for (let i = 0; i < RANDOM_SLUG_LENGTH; i++) {
    slug += RANDOM_SLUG_ALPHABET[randomInt(RANDOM_SLUG_ALPHABET.length)];
  }
  return slug;
}

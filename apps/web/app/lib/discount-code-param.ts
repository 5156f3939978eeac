/**
 * The `code` a shared link carries (`/products/x?code=SPRING25`), passed on only if it looks
 * like a code; the server judges it. Anything else is dropped rather than echoed into links.
 */
export function discountCodeParam(url: string | URL): string | null {
  const raw = new URL(url).searchParams.get("code")?.trim() ?? "";
  return /^[\p{L}\p{N}_-]{1,64}$/u.test(raw) ? raw : null;
}

/** The checkout page for a product, carrying the code when there is one. */
export function checkoutPath(slug: string, code: string | null): string {
  const path = `/checkout/${encodeURIComponent(slug)}`;
  return code ? `${path}?code=${encodeURIComponent(code)}` : path;
}

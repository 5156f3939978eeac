import type { HeadersFunction } from "@remix-run/node";

/** Headers a refused form must keep: how long to wait after a 429 or a 503. */
const FORWARDED = ["Retry-After"] as const;

/**
 * Remix drops the headers an action or loader returns unless its route exports `headers`;
 * every route whose action can answer 429 exports this, so the page says what the API said.
 */
export const forwardRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = actionHeaders.get(name) ?? loaderHeaders.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
};

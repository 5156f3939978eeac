import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * For pages whose panel fetches a new range itself (typed client): a navigation that only
 * changes the given query parameters does not rerun the loader; anything else does.
 */
export function revalidateUnlessOnly(...names: string[]): ShouldRevalidateFunction {
  return ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
    const rest = (url: URL) => {
      const params = new URLSearchParams(url.search);
      for (const name of names) params.delete(name);
      return `${url.pathname}?${params.toString()}`;
    };
    if (!formMethod && rest(currentUrl) === rest(nextUrl)) return false;
    return defaultShouldRevalidate;
  };
}

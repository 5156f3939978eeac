import type { Page } from "playwright-core";

/**
 * Proof that a page changed in place: a marker on the current document (a reload or a full
 * navigation drops it), and the URLs the page fetched from then on, so a test can tell the
 * typed client (`/api/trpc/…`) from Remix revalidating its loaders (`….data`).
 */
export async function watchSameDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { __digistoreSameDocument: true }));
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  return {
    fetched,
    stillSameDocument: () =>
      page.evaluate(() => "__digistoreSameDocument" in window && window.__digistoreSameDocument),
    loaderFetches: () => fetched.filter((path) => path.endsWith(".data")),
    apiFetches: (procedure: string) =>
      fetched.filter((path) => path.startsWith("/api/trpc/") && path.includes(procedure)),
  };
}

import { ZPageQuery } from "./schemas";
import { parseRequest } from "./validate";

/** Dodo's page-number pagination: `page_number` (0-based, default 0), `page_size` (default 10). */
export function paginate<T>(items: readonly T[], query: URLSearchParams): { items: T[] } {
  const { page_size, page_number } = parseRequest(ZPageQuery, {
    page_size: query.get("page_size") ?? undefined,
    page_number: query.get("page_number") ?? undefined,
  });
  const start = page_number * page_size;
  return { items: items.slice(start, start + page_size) };
}

/** Newest first, as Dodo lists. */
export function newestFirst<T extends { created_at: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
}

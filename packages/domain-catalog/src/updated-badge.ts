import type { CatalogContext } from "./ports";
import { isRecentlyUpdated } from "./product";

/** The "Updated" badge as of now, with the store's configured window. */
export function showsUpdatedBadge(
  ctx: Pick<CatalogContext, "clock" | "catalogLimits">,
  contentUpdatedAt: string | null,
): boolean {
  return isRecentlyUpdated(contentUpdatedAt, ctx.clock.now(), ctx.catalogLimits.updatedBadgeMs);
}

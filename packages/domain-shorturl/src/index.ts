export type { ShortUrlContext } from "./ports";
export type { ShortLink, ShortLinkState } from "./short-link";
export { createShortLink } from "./create-short-link";
export { updateShortLink } from "./update-short-link";
export { setShortLinkEnabled } from "./set-short-link-enabled";
export { deleteShortLink } from "./delete-short-link";
export { disableShortLinkAsStaff } from "./disable-short-link-as-staff";
export { findShortLinkBySlugAsStaff } from "./find-short-link-by-slug-as-staff";
export { listMyShortLinks } from "./list-my-short-links";
export { getShortLink } from "./get-short-link";
export { getLinkAnalytics } from "./get-link-analytics";
export type {
  ClickTotals,
  CurrencySales,
  DailyClicks,
  FacetCount,
  LinkAnalytics,
} from "./link-analytics";
export { createLinkResolver } from "./link-resolver";
export type { LinkResolution, LinkResolver, LinkResolverOptions } from "./link-resolver";
export {
  ZCreateShortLinkInput,
  ZUpdateShortLinkInput,
  ZShortLinkRef,
  ZSetShortLinkEnabledInput,
  ZDisableShortLinkAsStaffInput,
  ZFindShortLinkBySlugInput,
  ZListShortLinksInput,
  ZLinkAnalyticsInput,
} from "./short-links.schemas";
export type {
  TCreateShortLinkInput,
  TUpdateShortLinkInput,
  TLinkAnalyticsInput,
} from "./short-links.schemas";
export { recordOrderAttribution } from "./record-order-attribution";
export { ATTRIBUTION_COOKIE, ATTRIBUTION_WINDOW_MS, attributionCookieValue } from "./attribution";
export { createClickRecorder } from "./click-recorder";
export type { ClickRecorder, ClickRecorderOptions } from "./click-recorder";
export type { RawClick } from "./click-facts";

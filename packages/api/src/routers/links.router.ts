import {
  createShortLink,
  deleteShortLink,
  disableShortLinkAsStaff,
  getLinkAnalytics,
  findShortLinkBySlugAsStaff,
  getShortLink,
  listMyShortLinks,
  setShortLinkEnabled,
  updateShortLink,
  ZCreateShortLinkInput,
  ZDisableShortLinkAsStaffInput,
  ZLinkAnalyticsInput,
  ZFindShortLinkBySlugInput,
  ZListShortLinksInput,
  ZSetShortLinkEnabledInput,
  ZShortLinkRef,
  ZUpdateShortLinkInput,
} from "@digistore/domain-shorturl";
import type { Context } from "../context";
import { authedProcedure, router, staffProcedure, verifiedProcedure } from "../procedures";

/** An edit is seen by this process's redirect at once; other processes within its TTL. */
function forget<T extends { slug: string }>(ctx: Context, link: T): T {
  ctx.links.invalidate(link.slug);
  return link;
}

export const linksRouter = router({
  mine: authedProcedure
    .input(ZListShortLinksInput)
    .query(({ ctx, input }) => listMyShortLinks(ctx, input)),

  get: authedProcedure.input(ZShortLinkRef).query(({ ctx, input }) => getShortLink(ctx, input)),

  analytics: authedProcedure
    .input(ZLinkAnalyticsInput)
    .query(({ ctx, input }) => getLinkAnalytics(ctx, input)),

  create: verifiedProcedure
    .input(ZCreateShortLinkInput)
    .mutation(({ ctx, input }) => createShortLink(ctx, input)),

  update: authedProcedure
    .input(ZUpdateShortLinkInput)
    .mutation(async ({ ctx, input }) => forget(ctx, await updateShortLink(ctx, input))),

  setEnabled: authedProcedure
    .input(ZSetShortLinkEnabledInput)
    .mutation(async ({ ctx, input }) => forget(ctx, await setShortLinkEnabled(ctx, input))),

  delete: authedProcedure
    .input(ZShortLinkRef)
    .mutation(async ({ ctx, input }) => forget(ctx, await deleteShortLink(ctx, input))),
});

export const staffLinksRouter = router({
  find: staffProcedure
    .input(ZFindShortLinkBySlugInput)
    .query(({ ctx, input }) => findShortLinkBySlugAsStaff(ctx, input)),

  disable: staffProcedure
    .input(ZDisableShortLinkAsStaffInput)
    .mutation(async ({ ctx, input }) => forget(ctx, await disableShortLinkAsStaff(ctx, input))),
});

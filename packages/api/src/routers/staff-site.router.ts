import {
  getBypassKeyInfo,
  rotateBypassKey,
  setMaintenance,
  ZSetMaintenanceInput,
} from "@digistore/domain-site";
import type { Context } from "../context";
import { router, staffProcedure } from "../procedures";

function siteDeps(ctx: Context) {
  return { db: ctx.db, clock: ctx.clock, reader: ctx.site };
}

/** Staff keep working during maintenance: that is what they switch it on for. */
export const staffSiteRouter = router({
  status: staffProcedure.query(async ({ ctx }) => ({
    maintenance: await ctx.site.maintenance(),
    bypassKey: await getBypassKeyInfo(siteDeps(ctx)),
  })),
  setMaintenance: staffProcedure
    .input(ZSetMaintenanceInput)
    .mutation(({ ctx, input }) => setMaintenance(siteDeps(ctx), ctx.user.id, input)),
  /** The new key is returned once and never stored in plain text. */
  rotateBypassKey: staffProcedure.mutation(({ ctx }) =>
    rotateBypassKey(siteDeps(ctx), ctx.user.id),
  ),
});

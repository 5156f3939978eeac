import {
  getBypassKeyInfo,
  rotateBypassKey,
  setMaintenance,
  ZSetMaintenanceInput,
} from "@digistore/domain-site";
import { router, staffProcedure } from "../procedures";

/** Staff keep working during maintenance: that is what they switch it on for. */
export const staffSiteRouter = router({
  status: staffProcedure.query(async ({ ctx }) => ({
    maintenance: await ctx.site.maintenance(),
    bypassKey: await getBypassKeyInfo(ctx),
  })),
  setMaintenance: staffProcedure
    .input(ZSetMaintenanceInput)
    .mutation(({ ctx, input }) => setMaintenance(ctx, input)),
  /** The new key is returned once and never stored in plain text. */
  rotateBypassKey: staffProcedure.mutation(({ ctx }) => rotateBypassKey(ctx)),
});

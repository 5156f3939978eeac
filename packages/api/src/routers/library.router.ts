import {
  authorizeDownload,
  listLibrary,
  listOrders,
  listOwnedVersions,
} from "@digistore/domain-orders";
import { z } from "zod";
import { actorUser, ordersDeps } from "../deps";
import { authedProcedure, router } from "../procedures";

const ZProductRef = z.object({
  productId: z.string().min(1).max(64),
  versionId: z.string().min(1).max(64).optional(),
});

export const libraryRouter = router({
  /** My Products. */
  products: authedProcedure.query(({ ctx }) =>
    listLibrary(ordersDeps(ctx), actorUser(ctx).id, ctx.catalogLimits.updatedBadgeMs),
  ),
  versions: authedProcedure
    .input(z.object({ productId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => listOwnedVersions(ordersDeps(ctx), actorUser(ctx), input.productId)),
  /** Re-checks access and mints a five-minute link for this user and version. */
  download: authedProcedure
    .input(ZProductRef)
    .mutation(({ ctx, input }) => authorizeDownload(ordersDeps(ctx), actorUser(ctx), input)),
  /** Order history, failed and refunded orders included. */
  orders: authedProcedure.query(({ ctx }) => listOrders(ordersDeps(ctx), actorUser(ctx).id)),
});

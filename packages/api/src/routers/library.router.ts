import {
  authorizeDownload,
  listLibrary,
  listOrders,
  listOwnedVersions,
  ZDownloadRequest,
  ZLibraryProductRef,
} from "@digistore/domain-orders";
import { authedProcedure, router } from "../procedures";

export const libraryRouter = router({
  /** My Products. */
  products: authedProcedure.query(({ ctx }) => listLibrary(ctx)),
  versions: authedProcedure
    .input(ZLibraryProductRef)
    .query(({ ctx, input }) => listOwnedVersions(ctx, input)),
  /** Re-checks access and mints a five-minute link for this user and version. */
  download: authedProcedure
    .input(ZDownloadRequest)
    .mutation(({ ctx, input }) => authorizeDownload(ctx, input)),
  /** Order history, failed and refunded orders included. */
  orders: authedProcedure.query(({ ctx }) => listOrders(ctx)),
});

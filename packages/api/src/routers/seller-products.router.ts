import {
  createProduct,
  getSellerProduct,
  listSellerProducts,
  renderDescription,
  setProductStatus,
  updateProduct,
  ZCreateProductInput,
  ZDescriptionPreview,
  ZDescriptionPreviewInput,
  ZProductStatusInput,
  ZUpdateProductInput,
} from "@digistore/domain-catalog";
import { z } from "zod";
import { catalogDeps, requireCatalogActor } from "../deps";
import { router, sellerProcedure } from "../procedures";

/** A seller's own products. Ownership is checked in the verbs (others' → NOT_FOUND). */
export const sellerProductsRouter = router({
  list: sellerProcedure.query(({ ctx }) =>
    listSellerProducts(catalogDeps(ctx), requireCatalogActor(ctx)),
  ),
  get: sellerProcedure
    .input(z.object({ productId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) =>
      getSellerProduct(catalogDeps(ctx), requireCatalogActor(ctx), input.productId),
    ),
  create: sellerProcedure
    .input(ZCreateProductInput)
    .mutation(({ ctx, input }) => createProduct(catalogDeps(ctx), requireCatalogActor(ctx), input)),
  update: sellerProcedure
    .input(ZUpdateProductInput)
    .mutation(({ ctx, input }) => updateProduct(catalogDeps(ctx), requireCatalogActor(ctx), input)),
  setStatus: sellerProcedure
    .input(ZProductStatusInput)
    .mutation(({ ctx, input }) =>
      setProductStatus(catalogDeps(ctx), requireCatalogActor(ctx), input),
    ),
  /**
   * The editor's live preview, through the renderer the product page uses, so what the seller
   * sees is what buyers get. A mutation only so the text travels in a POST body (a query puts
   * its input in the URL, and 20,000 characters overflow URL limits); it writes nothing.
   */
  previewDescription: sellerProcedure
    .input(ZDescriptionPreviewInput)
    .output(ZDescriptionPreview)
    .mutation(({ input }) => ({ html: renderDescription(input.markdown) })),
});

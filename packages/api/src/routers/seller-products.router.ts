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
  ZProductIdInput,
  ZProductStatusInput,
  ZUpdateProductInput,
} from "@digistore/domain-catalog";
import { router, sellerProcedure } from "../procedures";

/** A seller's own products. Ownership is checked in the verbs (others' → NOT_FOUND). */
export const sellerProductsRouter = router({
  list: sellerProcedure.query(({ ctx }) => listSellerProducts(ctx)),
  get: sellerProcedure
    .input(ZProductIdInput)
    .query(({ ctx, input }) => getSellerProduct(ctx, input)),
  create: sellerProcedure
    .input(ZCreateProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx, input)),
  update: sellerProcedure
    .input(ZUpdateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx, input)),
  setStatus: sellerProcedure
    .input(ZProductStatusInput)
    .mutation(({ ctx, input }) => setProductStatus(ctx, input)),
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

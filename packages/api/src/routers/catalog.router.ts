import {
  getHome,
  getProductPage,
  getSellerProfile,
  listCategories,
  listProducts,
  ZCategories,
  ZHome,
  ZListProductsInput,
  ZProductCardPage,
  ZProductPageInput,
  ZProductPageView,
  ZSellerProfile,
  ZSellerProfileInput,
} from "@digistore/domain-catalog";
import { getAccess } from "@digistore/domain-orders";
import { publicProcedure, router } from "../procedures";

/** The public storefront. Each answer is cut to its output schema: only what the pages show. */
export const catalogRouter = router({
  home: publicProcedure.output(ZHome).query(({ ctx }) => getHome(ctx)),
  list: publicProcedure
    .input(ZListProductsInput)
    .output(ZProductCardPage)
    .query(({ ctx, input }) => listProducts(ctx, input)),
  /** The product page, with what the viewer may do: buy, download, or nothing (revoked). */
  product: publicProcedure
    .input(ZProductPageInput)
    .output(ZProductPageView)
    .query(async ({ ctx, input }) => {
      const page = await getProductPage(ctx, input);
      return { ...page, viewerAccess: await getAccess(ctx.db, ctx.user, page.product) };
    }),
  categories: publicProcedure.output(ZCategories).query(({ ctx }) => listCategories(ctx)),
  seller: publicProcedure
    .input(ZSellerProfileInput)
    .output(ZSellerProfile)
    .query(({ ctx, input }) => getSellerProfile(ctx, input)),
});

import {
  getHome,
  getProductPage,
  getSellerProfile,
  listCategories,
  listProducts,
  ZListProductsInput,
} from "@digistore/domain-catalog";
import { getAccess } from "@digistore/domain-orders";
import { z } from "zod";
import { catalogActor, catalogDeps } from "../deps";
import { publicProcedure, router } from "../procedures";

/** The public storefront. */
export const catalogRouter = router({
  home: publicProcedure.query(({ ctx }) => getHome(catalogDeps(ctx))),
  list: publicProcedure
    .input(ZListProductsInput)
    .query(({ ctx, input }) => listProducts(catalogDeps(ctx), input)),
  /** The product page, with what the viewer may do: buy, download, or nothing (revoked). */
  product: publicProcedure
    .input(z.object({ slug: z.string().min(1).max(80) }))
    .query(async ({ ctx, input }) => {
      const page = await getProductPage(catalogDeps(ctx), catalogActor(ctx), input.slug);
      const viewer = ctx.user;
      return { ...page, viewerAccess: await getAccess(ctx.db, viewer, page.product) };
    }),
  categories: publicProcedure.query(({ ctx }) => listCategories(catalogDeps(ctx))),
  seller: publicProcedure
    .input(
      z.object({ sellerId: z.string().min(1).max(64), cursor: z.string().max(500).optional() }),
    )
    .query(({ ctx, input }) =>
      getSellerProfile(
        catalogDeps(ctx),
        input.sellerId,
        input.cursor ? { cursor: input.cursor } : {},
      ),
    ),
});

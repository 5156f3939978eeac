import {
  createCategory,
  listCategories,
  reorderCategories,
  setProductFeatured,
  updateCategory,
  ZCategoryInput,
  ZReorderCategoriesInput,
  ZUpdateCategoryInput,
} from "@digistore/domain-catalog";
import { z } from "zod";
import { catalogDeps, requireCatalogActor } from "../deps";
import { router, staffProcedure } from "../procedures";

export const staffCategoriesRouter = router({
  list: staffProcedure.query(({ ctx }) =>
    listCategories(catalogDeps(ctx), { includeHidden: true }),
  ),
  create: staffProcedure
    .input(ZCategoryInput)
    .mutation(({ ctx, input }) =>
      createCategory(catalogDeps(ctx), requireCatalogActor(ctx), input),
    ),
  update: staffProcedure
    .input(ZUpdateCategoryInput)
    .mutation(({ ctx, input }) =>
      updateCategory(catalogDeps(ctx), requireCatalogActor(ctx), input),
    ),
  reorder: staffProcedure
    .input(ZReorderCategoriesInput)
    .mutation(({ ctx, input }) =>
      reorderCategories(catalogDeps(ctx), requireCatalogActor(ctx), input),
    ),
});

export const staffProductsRouter = router({
  setFeatured: staffProcedure
    .input(z.object({ productId: z.string().min(1).max(64), featured: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setProductFeatured(catalogDeps(ctx), requireCatalogActor(ctx), input),
    ),
});

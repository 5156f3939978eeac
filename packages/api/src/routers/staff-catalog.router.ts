import {
  createCategory,
  listCategories,
  reorderCategories,
  setProductFeatured,
  updateCategory,
  ZCategoryInput,
  ZReorderCategoriesInput,
  ZSetProductFeaturedInput,
  ZUpdateCategoryInput,
} from "@digistore/domain-catalog";
import { router, staffProcedure } from "../procedures";

export const staffCategoriesRouter = router({
  list: staffProcedure.query(({ ctx }) => listCategories(ctx, { includeHidden: true })),
  create: staffProcedure
    .input(ZCategoryInput)
    .mutation(({ ctx, input }) => createCategory(ctx, input)),
  update: staffProcedure
    .input(ZUpdateCategoryInput)
    .mutation(({ ctx, input }) => updateCategory(ctx, input)),
  reorder: staffProcedure
    .input(ZReorderCategoriesInput)
    .mutation(({ ctx, input }) => reorderCategories(ctx, input)),
});

export const staffProductsRouter = router({
  setFeatured: staffProcedure
    .input(ZSetProductFeaturedInput)
    .mutation(({ ctx, input }) => setProductFeatured(ctx, input)),
});

export type { Product, ProductStatus } from "./product";
export { isRecentlyUpdated, slugify } from "./product";
export type { ProductVersion } from "./product-version";
export type { CatalogContext, CatalogLimits } from "./ports";
export { DEFAULT_CATALOG_LIMITS } from "./ports";
export type { FileStorage, StoredObject, ByteRange } from "./storage";
export { createLocalDiskStorage } from "./local-disk-storage";
export { renderDescription } from "./description";
export {
  ZCreateProductInput,
  ZUpdateProductInput,
  ZProductStatusInput,
  ZProductIdInput,
  ZSetProductFeaturedInput,
  ZProductPageInput,
  ZSellerProfileInput,
  ZDescriptionPreviewInput,
  ZDescriptionPreview,
  ZListProductsInput,
  ZCategoryInput,
  ZUpdateCategoryInput,
  ZReorderCategoriesInput,
  ZProductCardPage,
  ZHome,
  ZCategories,
  ZProductPageView,
  ZSellerProfile,
} from "./catalog.schemas";
export type {
  TCreateProductInput,
  TUpdateProductInput,
  TVersionMeta,
  TListProductsInput,
} from "./catalog.schemas";
export { createProduct } from "./create-product";
export { updateProduct } from "./update-product";
export { setProductStatus } from "./set-product-status";
export { addProductVersion } from "./add-product-version";
export { setProductCover } from "./set-product-cover";
export { getProductCover } from "./get-product-cover";
export { coverUrlOf } from "./cover-url";
export { listProducts } from "./list-products";
export { getHome } from "./get-home";
export { getProductPage } from "./get-product-page";
export { getSellerProfile } from "./get-seller-profile";
export type { ProductCard } from "./product-card";
export type { ProductPage } from "./get-product-page";
export { listSellerProducts } from "./list-seller-products";
export { getSellerProduct } from "./get-seller-product";
export type { SellerProduct } from "./seller-product";
export { listCategories } from "./list-categories";
export { createCategory } from "./create-category";
export { updateCategory } from "./update-category";
export { reorderCategories } from "./reorder-categories";
export type { Category } from "./category";
export { setProductFeatured } from "./set-product-featured";
export { recordProductSale } from "./record-product-sale";
export {
  getProduct,
  getVersionFile,
  getProductBySlug,
  listProductVersions,
} from "./product-lookups";

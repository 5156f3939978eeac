export type { CatalogActor, Product, ProductStatus } from "./product";
export { canTransition, isRecentlyUpdated, slugify, DEFAULT_UPDATED_BADGE_MS } from "./product";
export type { ProductVersion } from "./product-version";
export type { CatalogDeps, CatalogLimits } from "./ports";
export { DEFAULT_CATALOG_LIMITS } from "./ports";
export type { FileStorage, StoredObject, ByteRange } from "./storage";
export { FileTooLargeError, InvalidStorageKeyError, assertStorageKey } from "./storage";
export { createLocalDiskStorage } from "./local-disk-storage";
export { renderDescription } from "./description";
export {
  ZSlug,
  ZCreateProductInput,
  ZUpdateProductInput,
  ZProductStatusInput,
  ZDescriptionPreviewInput,
  ZDescriptionPreview,
  ZVersionMeta,
  ZListProductsInput,
  ZCategoryInput,
  ZUpdateCategoryInput,
  ZReorderCategoriesInput,
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
export { setProductCover, getProductCover, coverUrlOf } from "./product-cover";
export { listProducts, getHome, getProductPage, getSellerProfile } from "./storefront";
export type { ProductCard, ProductPage } from "./storefront";
export { listSellerProducts, getSellerProduct } from "./seller-products";
export type { SellerProduct } from "./seller-products";
export { listCategories, createCategory, updateCategory, reorderCategories } from "./categories";
export type { Category } from "./categories";
export {
  setProductFeatured,
  recordProductSale,
  getProduct,
  getVersionFile,
  getProductBySlug,
  listProductVersions,
} from "./staff-products";

import type { Currency, Price, Product, ProductListResponse } from "./dodo-types";
import { notFound } from "./errors";
import { dodoId } from "./ids";
import { newestFirst, paginate } from "./pagination";
import type { TProductCreate, TProductUpdate } from "./schemas";
import { nowTimestamp, type EmulatorContext } from "./state";

type ParsedPrice = TProductCreate["price"];

/** Echoes a price the way Dodo returns it: the optional flags filled with their defaults. */
function normalizePrice(price: ParsedPrice): Price {
  // ZCurrency checked the code against ISO 4217; the SDK types it as a union of codes.
  const currency = price.currency as Currency;
  if (price.type !== "one_time_price") return { discount: 0, ...price, currency };
  return {
    ...price,
    currency,
    discount: price.discount ?? 0,
    discount_bps: price.discount_bps ?? null,
    pay_what_you_want: price.pay_what_you_want ?? false,
    purchasing_power_parity: price.purchasing_power_parity ?? false,
    suggested_price: price.suggested_price ?? null,
    tax_inclusive: price.tax_inclusive ?? null,
  };
}

export function createProduct(ctx: EmulatorContext, input: TProductCreate): Product {
  const now = nowTimestamp(ctx);
  const product: Product = {
    product_id: dodoId("pdt"),
    brand_id: input.brand_id ?? ctx.businessId,
    business_id: ctx.businessId,
    created_at: now,
    updated_at: now,
    name: input.name,
    description: input.description ?? null,
    price: normalizePrice(input.price),
    tax_category: input.tax_category,
    is_recurring: input.price.type !== "one_time_price",
    metadata: input.metadata ?? {},
    addons: input.addons ?? null,
    credit_entitlements: [],
    entitlements: [],
    digital_product_delivery: input.digital_product_delivery
      ? { ...input.digital_product_delivery, files: [] }
      : null,
    image: null,
    license_key_enabled: input.license_key_enabled ?? false,
    license_key_activation_message: input.license_key_activation_message ?? null,
    license_key_activations_limit: input.license_key_activations_limit ?? null,
    license_key_duration: null,
    pricing_mode: null,
    product_collection_id: null,
  };
  ctx.state.products.set(product.product_id, product);
  return product;
}

export function getProduct(ctx: EmulatorContext, id: string): Product {
  const product = ctx.state.products.get(id);
  if (!product) throw notFound("Product", id);
  return product;
}

/** PATCH semantics: an absent field is unchanged; `null` clears the optional ones. */
export function updateProduct(ctx: EmulatorContext, id: string, input: TProductUpdate): Product {
  const current = getProduct(ctx, id);
  const next: Product = { ...current, updated_at: nowTimestamp(ctx) };
  if (input.name != null) next.name = input.name;
  if (input.price != null) {
    next.price = normalizePrice(input.price);
    next.is_recurring = input.price.type !== "one_time_price";
  }
  if (input.tax_category != null) next.tax_category = input.tax_category;
  if (input.description !== undefined) next.description = input.description;
  if (input.brand_id != null) next.brand_id = input.brand_id;
  if (input.addons !== undefined) next.addons = input.addons;
  if (input.metadata !== undefined) next.metadata = input.metadata ?? {};
  if (input.license_key_enabled != null) next.license_key_enabled = input.license_key_enabled;
  if (input.license_key_activation_message !== undefined) {
    next.license_key_activation_message = input.license_key_activation_message;
  }
  if (input.license_key_activations_limit !== undefined) {
    next.license_key_activations_limit = input.license_key_activations_limit;
  }
  if (input.digital_product_delivery !== undefined) {
    next.digital_product_delivery = input.digital_product_delivery
      ? { ...input.digital_product_delivery, files: [] }
      : null;
  }
  ctx.state.products.set(id, next);
  return next;
}

function toListItem(product: Product): ProductListResponse {
  const price = product.price;
  return {
    product_id: product.product_id,
    business_id: product.business_id,
    created_at: product.created_at,
    updated_at: product.updated_at,
    name: product.name ?? null,
    description: product.description ?? null,
    image: null,
    is_recurring: product.is_recurring,
    metadata: product.metadata,
    tax_category: product.tax_category,
    entitlements: [],
    currency: price.currency,
    price: price.type === "usage_based_price" ? price.fixed_price : price.price,
    price_detail: price,
    tax_inclusive: price.tax_inclusive ?? null,
    pricing_mode: null,
  };
}

export function listProducts(
  ctx: EmulatorContext,
  query: URLSearchParams,
): { items: ProductListResponse[] } {
  return paginate(newestFirst(ctx.state.products.values()).map(toListItem), query);
}

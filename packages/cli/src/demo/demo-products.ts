import type { DemoProduct } from "./demo-data";
import { FORGE_PRODUCTS } from "./products-forge";
import { NOVA_PRODUCTS } from "./products-nova";

/** Every demo product, both sellers'. */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [...NOVA_PRODUCTS, ...FORGE_PRODUCTS];

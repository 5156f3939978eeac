import { ManualClock } from "@digistore/core";
import type { Db } from "@digistore/db";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { addProductVersion } from "./add-product-version";
import { createProduct } from "./create-product";
import { createLocalDiskStorage } from "./local-disk-storage";
import { DEFAULT_CATALOG_LIMITS, type CatalogDeps, type CatalogLimits } from "./ports";
import type { CatalogActor, Product } from "./product";
import { setProductStatus } from "./set-product-status";

/** Catalog deps over a test database with storage in a temp folder; `cleanup()` removes it. */
export function createTestCatalogDeps(
  db: Db,
  options: { clock?: ManualClock; limits?: Partial<CatalogLimits> } = {},
): CatalogDeps & { clock: ManualClock; storageDir: string; cleanup(): void } {
  const storageDir = mkdtempSync(join(tmpdir(), "digistore-storage-"));
  return {
    db: db.db,
    dialect: db.dialect,
    clock: options.clock ?? new ManualClock("2026-11-21T10:00:00.000Z"),
    storage: createLocalDiskStorage(storageDir),
    limits: { ...DEFAULT_CATALOG_LIMITS, ...options.limits },
    storageDir,
    cleanup: () => rmSync(storageDir, { recursive: true, force: true }),
  };
}

export function sellerActor(userId: string): CatalogActor {
  return { userId, seller: true, staff: false };
}

export function bytes(content: string | Buffer): Readable {
  return Readable.from([Buffer.from(content)]);
}

/** A published product with one version whose file holds `content`. */
export async function createPublishedProduct(
  deps: CatalogDeps,
  sellerId: string,
  fields: Partial<{
    title: string;
    price: number;
    currency: string;
    supportPrice: number | null;
    content: string;
    categoryId: string | null;
  }> = {},
): Promise<Product> {
  const actor = sellerActor(sellerId);
  const product = await createProduct(deps, actor, {
    title: fields.title ?? "Test product",
    summary: "A product made by a test",
    price: fields.price ?? 1500,
    currency: fields.currency ?? "USD",
    supportPrice: fields.supportPrice ?? null,
    categoryId: fields.categoryId ?? null,
  });
  await addProductVersion(
    deps,
    actor,
    {
      productId: product.id,
      label: "1.0.0",
      fileName: "product.zip",
      contentType: "application/zip",
    },
    bytes(fields.content ?? "version one"),
  );
  return setProductStatus(deps, actor, { productId: product.id, status: "published" });
}

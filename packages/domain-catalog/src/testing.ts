import {
  ANONYMOUS,
  ManualClock,
  userActor,
  type Actor,
  type ActorRoles,
  type UserActor,
} from "@digistore/core";
import type { Db } from "@digistore/db";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { addProductVersion } from "./add-product-version";
import { createProduct } from "./create-product";
import { createLocalDiskStorage } from "./local-disk-storage";
import { DEFAULT_CATALOG_LIMITS, type CatalogContext, type CatalogLimits } from "./ports";
import type { Product } from "./product";
import { setProductStatus } from "./set-product-status";

export type TestCatalogContext = CatalogContext & {
  clock: ManualClock;
  storageDir: string;
  cleanup(): void;
};

/**
 * A catalogue context over a test database, acting for nobody (anonymous), with storage in a
 * temp folder; `cleanup()` removes it. `ctxFor` makes it act for someone.
 */
export function createTestCatalogDeps(
  db: Db,
  options: { clock?: ManualClock; limits?: Partial<CatalogLimits> } = {},
): TestCatalogContext {
  const storageDir = mkdtempSync(join(tmpdir(), "digistore-storage-"));
  return {
    db: db.db,
    dialect: db.dialect,
    clock: options.clock ?? new ManualClock("2026-11-21T10:00:00.000Z"),
    actor: ANONYMOUS,
    storage: createLocalDiskStorage(storageDir),
    catalogLimits: { ...DEFAULT_CATALOG_LIMITS, ...options.limits },
    storageDir,
    cleanup: () => rmSync(storageDir, { recursive: true, force: true }),
  };
}

/** The same context acting for `who`: an Actor, or a user record (as `userActor` sees it). */
export function ctxFor<C extends object>(
  ctx: C,
  who: Actor | { readonly id: string; readonly roles: ActorRoles },
): C & { actor: Actor } {
  return { ...ctx, actor: "kind" in who ? who : userActor(who) };
}

export function sellerActor(userId: string): UserActor {
  return userActor({ id: userId, roles: { seller: true, staff: false } });
}

export function staffActor(userId = "staff"): UserActor {
  return userActor({ id: userId, roles: { seller: false, staff: true } });
}

export function customerActor(userId = "customer"): UserActor {
  return userActor({ id: userId, roles: { seller: false, staff: false } });
}

export function bytes(content: string | Buffer): Readable {
  return Readable.from([Buffer.from(content)]);
}

/** A published product with one version whose file holds `content`. */
export async function createPublishedProduct(
  deps: Omit<CatalogContext, "actor">,
  sellerId: string,
  fields: Partial<{
    title: string;
    price: number;
    currency: string;
    supportPrice: number | null;
    content: string;
    categoryId: string | null;
    payWhatYouWant: boolean;
    suggestedPrice: number | null;
  }> = {},
): Promise<Product> {
  const ctx = ctxFor(deps, sellerActor(sellerId));
  const product = await createProduct(ctx, {
    title: fields.title ?? "Test product",
    summary: "A product made by a test",
    price: fields.price ?? 1500,
    currency: fields.currency ?? "USD",
    supportPrice: fields.supportPrice ?? null,
    categoryId: fields.categoryId ?? null,
    payWhatYouWant: fields.payWhatYouWant ?? false,
    suggestedPrice: fields.suggestedPrice ?? null,
  });
  await addProductVersion(
    ctx,
    {
      productId: product.id,
      label: "1.0.0",
      fileName: "product.zip",
      contentType: "application/zip",
    },
    bytes(fields.content ?? "version one"),
  );
  return setProductStatus(ctx, { productId: product.id, status: "published" });
}

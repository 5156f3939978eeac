import { SYSTEM, ManualClock, systemClock, userActor } from "@digistore/core";
import {
  DEFAULT_CATALOG_LIMITS,
  addProductVersion,
  createLocalDiskStorage,
  createProduct,
  setProductStatus,
} from "@digistore/domain-catalog";
import { createUser } from "@digistore/domain-users";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { TestStore } from "./store";

/** A seller with one published product whose file is `content`, written where the server reads. */
export async function sellerWithProduct(
  store: TestStore,
  options: {
    email: string;
    title: string;
    price: number;
    supportPrice?: number | null;
    content: Buffer;
  },
) {
  const seller = await createUser(
    { db: store.testDb.db, clock: systemClock, actor: SYSTEM },
    { email: options.email, password: "seller password", displayName: "Seller", seller: true },
  );
  const deps = {
    db: store.testDb.db,
    dialect: store.testDb.dialect,
    clock: new ManualClock(),
    storage: createLocalDiskStorage(join(store.dataDir, "storage")),
    catalogLimits: DEFAULT_CATALOG_LIMITS,
    actor: userActor(seller),
  };
  const product = await createProduct(deps, {
    title: options.title,
    summary: "Made for a browser test",
    price: options.price,
    supportPrice: options.supportPrice ?? null,
  });
  await addProductVersion(
    deps,
    {
      productId: product.id,
      label: "1.0.0",
      fileName: "bundle.zip",
      contentType: "application/zip",
    },
    Readable.from([options.content]),
  );
  await setProductStatus(deps, { productId: product.id, status: "published" });
  return { seller, product };
}

export async function customer(store: TestStore, email: string, password = "customer password") {
  return createUser(
    { db: store.testDb.db, clock: systemClock, actor: SYSTEM },
    { email, password, displayName: "Customer" },
  );
}

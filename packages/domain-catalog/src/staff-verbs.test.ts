import { ANONYMOUS, ForbiddenError, UnauthorizedError, ValidationError } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCategory } from "./create-category";
import { getProductPage } from "./get-product-page";
import { getSellerProduct } from "./get-seller-product";
import { getSellerProfile } from "./get-seller-profile";
import { listCategories } from "./list-categories";
import { reorderCategories } from "./reorder-categories";
import { setProductFeatured } from "./set-product-featured";
import { updateCategory } from "./update-category";
import {
  createPublishedProduct,
  createTestCatalogDeps,
  ctxFor,
  sellerActor,
  staffActor,
  type TestCatalogContext,
} from "./testing";

/** Staff verbs check the actor themselves: a direct call is refused like the router's would be. */
describe.each(testDialects())("catalogue staff verbs and inputs on %s", (dialect) => {
  let t: TestDb;
  let deps: TestCatalogContext;
  let sellerId: string;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    deps = createTestCatalogDeps(t);
    sellerId = (await createTestUser(t.db, { seller: true })).user.id;
  });
  afterEach(async () => {
    deps.cleanup();
    await t.close();
  });

  const snapshot = () =>
    Promise.all([
      t.db.selectFrom("categories").selectAll().orderBy("id").execute(),
      t.db.selectFrom("products").selectAll().orderBy("id").execute(),
    ]);

  it("refuses non-staff (FORBIDDEN) and anonymous (UNAUTHORIZED) and changes nothing", async () => {
    const product = await createPublishedProduct(deps, sellerId);
    const category = await createCategory(ctxFor(deps, staffActor()), { name: "Icons" });
    const before = await snapshot();
    const calls = [
      (ctx: TestCatalogContext) =>
        setProductFeatured(ctx, { productId: product.id, featured: true }),
      (ctx: TestCatalogContext) => createCategory(ctx, { name: "Fonts" }),
      (ctx: TestCatalogContext) => updateCategory(ctx, { categoryId: category.id, hidden: true }),
      (ctx: TestCatalogContext) => reorderCategories(ctx, { categoryIds: [category.id] }),
      (ctx: TestCatalogContext) => listCategories(ctx, { includeHidden: true }),
    ];
    for (const call of calls) {
      await expect(call(ctxFor(deps, sellerActor(sellerId)))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(call(ctxFor(deps, ANONYMOUS))).rejects.toBeInstanceOf(UnauthorizedError);
    }
    expect(await snapshot()).toEqual(before);
    // The storefront's own list stays open to anyone.
    expect((await listCategories(deps)).map((c) => c.name)).toEqual(["Icons"]);
  });

  it("lets staff feature a product", async () => {
    const product = await createPublishedProduct(deps, sellerId);
    const featured = await setProductFeatured(ctxFor(deps, staffActor()), {
      productId: product.id,
      featured: true,
    });
    expect(featured.featured).toBe(true);
  });

  it("refuses malformed input with a readable ValidationError and changes nothing", async () => {
    const product = await createPublishedProduct(deps, sellerId);
    const before = await snapshot();
    const staff = ctxFor(deps, staffActor());
    const cases: [Promise<unknown>, RegExp][] = [
      [setProductFeatured(staff, { productId: "", featured: true }), /An id is required/],
      [setProductFeatured(staff, { productId: product.id, featured: "yes" }), /boolean/],
      [setProductFeatured(staff, { productId: "x".repeat(65), featured: true }), /too long/],
      [updateCategory(staff, { categoryId: " " }), /An id is required/],
      [getSellerProduct(ctxFor(deps, sellerActor(sellerId)), {}), /expected string/i],
      [getProductPage(deps, { slug: "" }), /Too small|at least/i],
      [getSellerProfile(deps, { sellerId: "x".repeat(65) }), /too long/],
    ];
    for (const [call, message] of cases) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  });
});

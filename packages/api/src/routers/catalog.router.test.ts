import { testDialects } from "@digistore/db/testing";
import {
  createCategory,
  getHome,
  getProductPage,
  getSellerProfile,
  listCategories,
  listProducts,
  renderDescription,
  setProductFeatured,
} from "@digistore/domain-catalog";
import { createPublishedProduct, ctxFor, staffActor } from "@digistore/domain-catalog/testing";
import { createSignedInUser } from "@digistore/domain-users/testing";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../testing";
import { uploadProductVersion } from "../uploads";

describe.each(testDialects())("catalog procedures on %s", (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi(dialect);
  });
  afterEach(() => api.close());

  const signIn = (options: Parameters<typeof createSignedInUser>[1] = {}) =>
    createSignedInUser(api.testDb.db, { clock: api.clock, ...options });
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => "ok",
      (error: { code?: string }) => error.code ?? "no code",
    );

  it("guards seller and staff procedures by role, and hides others' products", async () => {
    const customer = await signIn();
    const seller = await signIn({ seller: true });
    const otherSeller = await signIn({ seller: true });
    const staff = await signIn({ staff: true });
    const product = await api
      .caller(seller.token)
      .seller.products.create({ title: "Widget", price: 500 });

    expect(await outcome(api.caller().seller.products.list())).toBe("UNAUTHORIZED");
    expect(
      await outcome(api.caller(customer.token).seller.products.create({ title: "X", price: 1 })),
    ).toBe("FORBIDDEN");
    expect(await outcome(api.caller(staff.token).seller.products.list())).toBe("FORBIDDEN");
    expect(
      await outcome(api.caller(otherSeller.token).seller.products.get({ productId: product.id })),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(
        api
          .caller(otherSeller.token)
          .seller.products.update({ productId: product.id, title: "Stolen" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(api.caller(seller.token).staff.categories.create({ name: "Icons" }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(api.caller(staff.token).staff.categories.create({ name: "Icons" }))).toBe(
      "ok",
    );
    expect(
      await outcome(
        api
          .caller(customer.token)
          .staff.products.setFeatured({ productId: product.id, featured: true }),
      ),
    ).toBe("FORBIDDEN");
    expect(await outcome(api.caller().catalog.product({ slug: product.slug }))).toBe("NOT_FOUND");
    expect(await outcome(api.caller(seller.token).catalog.product({ slug: product.slug }))).toBe(
      "ok",
    );
    expect(
      await outcome(api.caller(seller.token).seller.products.create({ title: "", price: -1 })),
    ).toBe("BAD_REQUEST");
    expect(await outcome(api.caller().catalog.list({ sort: "random" as "newest" }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("lets only a verified seller upload a version, into their own product", async () => {
    const seller = await signIn({ seller: true });
    const otherSeller = await signIn({ seller: true });
    const unverifiedSeller = await signIn({ seller: true, verified: false });
    const product = await api
      .caller(seller.token)
      .seller.products.create({ title: "Widget", price: 500 });
    const meta = { productId: product.id, label: "1.0.0", fileName: "w.zip" };
    const body = () => Readable.from([Buffer.from("bytes")]);

    expect(await outcome(uploadProductVersion(await api.context(), meta, body()))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await outcome(uploadProductVersion(await api.context(unverifiedSeller.token), meta, body())),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(uploadProductVersion(await api.context(otherSeller.token), meta, body())),
    ).toBe("NOT_FOUND");
    const version = await uploadProductVersion(await api.context(seller.token), meta, body());
    expect(version.fileSize).toBe(5);

    await api
      .caller(seller.token)
      .seller.products.setStatus({ productId: product.id, status: "published" });
    const list = await api.caller().catalog.list({});
    expect(list.items.map((p) => p.slug)).toEqual([product.slug]);
  });

  it("previews a description as the product page would render it, sanitised, for sellers only", async () => {
    const seller = await signIn({ seller: true });
    const customer = await signIn();
    const markdown = "# Hi\n\n<script>alert(1)</script> [site](https://example.com)";

    const { html } = await api
      .caller(seller.token)
      .seller.products.previewDescription({ markdown });
    expect(html).toBe(renderDescription(markdown));
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('rel="nofollow noopener noreferrer ugc"');

    await expect(
      api.caller(customer.token).seller.products.previewDescription({ markdown }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses to preview a description longer than one may save, saying why", async () => {
    const seller = await signIn({ seller: true });
    const refused = api
      .caller(seller.token)
      .seller.products.previewDescription({ markdown: "a".repeat(20_001) });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refused).rejects.toThrow("Description must be at most 20,000 characters");
  });

  it("answers the public procedures with exactly what the verbs return (outputs cut nothing)", async () => {
    const seller = await signIn({ seller: true });
    const staff = ctxFor(api.services, staffActor());
    const category = await createCategory(staff, { name: "Icons" });
    const product = await createPublishedProduct(api.services, seller.user.id, {
      categoryId: category.id,
      supportPrice: 900,
    });
    await setProductFeatured(staff, { productId: product.id, featured: true });
    const anonymous = api.caller();
    const ctx = await api.context();
    const owner = await api.context(seller.token);

    expect(await anonymous.catalog.home()).toEqual(await getHome(ctx));
    expect(await anonymous.catalog.list({})).toEqual(await listProducts(ctx, {}));
    expect(await anonymous.catalog.categories()).toEqual(await listCategories(ctx));
    expect(await anonymous.catalog.seller({ sellerId: seller.user.id })).toEqual(
      await getSellerProfile(ctx, { sellerId: seller.user.id }),
    );
    expect(await anonymous.catalog.product({ slug: product.slug })).toEqual({
      ...(await getProductPage(ctx, { slug: product.slug })),
      viewerAccess: "none",
    });
    expect(await api.caller(seller.token).catalog.product({ slug: product.slug })).toEqual({
      ...(await getProductPage(owner, { slug: product.slug })),
      viewerAccess: "seller",
    });
  });
});

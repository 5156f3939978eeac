import {
  ConflictError,
  DAY,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addProductVersion } from "./add-product-version";
import { createCategory } from "./create-category";
import { createProduct } from "./create-product";
import { getProductPage } from "./get-product-page";
import { getSellerProduct } from "./get-seller-product";
import { listProducts } from "./list-products";
import { setProductStatus } from "./set-product-status";
import { updateCategory } from "./update-category";
import { updateProduct } from "./update-product";
import {
  bytes,
  createPublishedProduct,
  createTestCatalogDeps,
  ctxFor,
  customerActor,
  sellerActor,
  staffActor,
} from "./testing";

describe.each(testDialects())("catalog on %s", (dialect) => {
  let t: TestDb;
  let deps: ReturnType<typeof createTestCatalogDeps>;
  let sellerA: string;
  let sellerB: string;
  const staff = staffActor();

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    deps = createTestCatalogDeps(t);
    sellerA = (await createTestUser(t.db, { seller: true, displayName: "Seller A" })).user.id;
    sellerB = (await createTestUser(t.db, { seller: true, displayName: "Seller B" })).user.id;
  });
  afterEach(async () => {
    deps.cleanup();
    await t.close();
  });

  const productCount = async () =>
    (
      await t.db
        .selectFrom("products")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  describe("ownership", () => {
    it("lets only sellers create, and only the owner (or staff) change a product", async () => {
      const customer = customerActor("c1");
      await expect(
        createProduct(ctxFor(deps, customer), { title: "Nope", price: 100 }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const product = await createProduct(ctxFor(deps, sellerActor(sellerA)), {
        title: "Icons",
        price: 900,
      });
      await expect(
        updateProduct(ctxFor(deps, sellerActor(sellerB)), {
          productId: product.id,
          title: "Mine now",
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        addProductVersion(
          ctxFor(deps, sellerActor(sellerB)),
          { productId: product.id, label: "9.9.9", fileName: "x.zip" },
          bytes("evil"),
        ),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        setProductStatus(ctxFor(deps, customer), { productId: product.id, status: "published" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(
        (
          await updateProduct(ctxFor(deps, staff), {
            productId: product.id,
            summary: "Fixed by staff",
          })
        ).summary,
      ).toBe("Fixed by staff");
      expect(
        (await getSellerProduct(ctxFor(deps, sellerActor(sellerA)), { productId: product.id }))
          .product.title,
      ).toBe("Icons");
    });
  });

  describe("validation", () => {
    it("numbers clashing automatic slugs and refuses a clashing chosen one", async () => {
      const a = await createProduct(ctxFor(deps, sellerActor(sellerA)), {
        title: "Crème Icons!",
        price: 100,
      });
      const b = await createProduct(ctxFor(deps, sellerActor(sellerB)), {
        title: "Creme icons",
        price: 100,
      });
      expect([a.slug, b.slug]).toEqual(["creme-icons", "creme-icons-2"]);
      await expect(
        createProduct(ctxFor(deps, sellerActor(sellerB)), {
          title: "X",
          slug: "creme-icons",
          price: 100,
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        updateProduct(ctxFor(deps, sellerActor(sellerB)), { productId: b.id, slug: "creme-icons" }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        createProduct(ctxFor(deps, sellerActor(sellerA)), {
          title: "X",
          slug: "Bad Slug!",
          price: 100,
        }),
      ).rejects.toThrow(/lower-case letters/);
    });

    it.each([
      [{ price: 0 }, /above zero/],
      [{ price: -5 }, /cannot be negative/],
      [{ price: 12.5 }, /whole number/],
      [{ price: 100, currency: "XXY" }, /does not take this currency/],
      // Item 9: real ISO 4217 currencies Dodo does not take, and titles past Dodo's name limit.
      [{ price: 100, currency: "ISK" }, /does not take this currency/],
      [{ price: 100, currency: "AFN" }, /does not take this currency/],
      [{ price: 100, title: "T".repeat(92) }, /at most 91 characters/],
      [{ price: 100, supportPrice: 0 }, /Support price must be above zero/],
      [{ price: 100, title: "" }, /title/],
      [{ price: 100, categoryId: "no-such-category" }, /existing category/],
      [{ price: 1_000_000_000_000_001, currency: "IDR" }, /Amount is too large/],
    ])("refuses %j and stores nothing", async (fields, message) => {
      await expect(
        createProduct(ctxFor(deps, sellerActor(sellerA)), { title: "T", ...fields }),
      ).rejects.toThrow(message);
      expect(await productCount()).toBe(0);
    });

    it("item 8 of #12: saves a real IDR price above 32 bits and reads it back exactly", async () => {
      const product = await createProduct(ctxFor(deps, sellerActor(sellerA)), {
        title: "Batik patterns",
        price: 5_000_000_000,
        currency: "IDR",
        supportPrice: 2_500_000_000,
      });
      const row = await t.db
        .selectFrom("products")
        .select(["price_amount", "support_price_amount", "currency"])
        .where("id", "=", product.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        price_amount: 5_000_000_000,
        support_price_amount: 2_500_000_000,
        currency: "IDR",
      });
    });
  });

  describe("versions and files", () => {
    it("streams a file to storage with its size and SHA-256 and makes it current", async () => {
      const actor = sellerActor(sellerA);
      const product = await createProduct(ctxFor(deps, actor), { title: "Kit", price: 100 });
      const content = "x".repeat(100_000);
      const version = await addProductVersion(
        ctxFor(deps, actor),
        {
          productId: product.id,
          label: "1.0.0",
          fileName: "kit.zip",
          contentType: "application/zip",
        },
        bytes(content),
      );
      expect(version).toMatchObject({
        fileSize: 100_000,
        sha256: createHash("sha256").update(content).digest("hex"),
      });
      const stored = await deps.storage.get(`products/${product.id}/versions/${version.id}`, {
        start: 10,
        end: 19,
      });
      const chunks: Buffer[] = [];
      for await (const chunk of stored!.body) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe("x".repeat(10));
      expect(
        (await getSellerProduct(ctxFor(deps, actor), { productId: product.id })).product
          .currentVersionId,
      ).toBe(version.id);
      await expect(
        addProductVersion(
          ctxFor(deps, actor),
          { productId: product.id, label: "1.0.0", fileName: "again.zip" },
          bytes("again"),
        ),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it("refuses oversized and empty files and keeps nothing of them", async () => {
      const small = createTestCatalogDeps(t, { limits: { maxUploadBytes: 1024 } });
      try {
        const actor = sellerActor(sellerA);
        const product = await createProduct(ctxFor(small, actor), { title: "Big", price: 100 });
        await expect(
          addProductVersion(
            ctxFor(small, actor),
            { productId: product.id, label: "1.0.0", fileName: "big.bin" },
            bytes(Buffer.alloc(1025)),
          ),
        ).rejects.toThrow("The file is larger than the 1 KiB limit.");
        await expect(
          addProductVersion(
            ctxFor(small, actor),
            { productId: product.id, label: "1.0.0", fileName: "empty.bin" },
            bytes(""),
          ),
        ).rejects.toThrow("The file is empty.");
        const leftovers = readdirSync(small.storageDir, { recursive: true }).filter(
          (f) => !String(f).endsWith("versions") && String(f).includes("/versions/"),
        );
        expect(leftovers).toEqual([]);
        expect(
          (await getSellerProduct(ctxFor(small, actor), { productId: product.id })).versions,
        ).toEqual([]);
      } finally {
        small.cleanup();
      }
    });
  });

  describe("status", () => {
    it("needs a file to publish, hides drafts and archived products from the store, never returns to draft", async () => {
      const actor = sellerActor(sellerA);
      const draft = await createProduct(ctxFor(deps, actor), { title: "Draft thing", price: 100 });
      await expect(
        setProductStatus(ctxFor(deps, actor), { productId: draft.id, status: "published" }),
      ).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(getProductPage(deps, { slug: draft.slug })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect((await getProductPage(ctxFor(deps, actor), { slug: draft.slug })).manageable).toBe(
        true,
      );

      const live = await createPublishedProduct(deps, sellerA, { title: "Live thing" });
      expect((await listProducts(deps, {})).items.map((p) => p.title)).toEqual(["Live thing"]);
      await setProductStatus(ctxFor(deps, actor), { productId: live.id, status: "archived" });
      expect((await listProducts(deps, {})).items).toEqual([]);
      await expect(
        getProductPage(ctxFor(deps, sellerActor(sellerB)), { slug: live.slug }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect((await getProductPage(ctxFor(deps, actor), { slug: live.slug })).product.status).toBe(
        "archived",
      );
      const republished = await setProductStatus(ctxFor(deps, actor), {
        productId: live.id,
        status: "published",
      });
      expect(republished.publishedAt).toBe(live.publishedAt);
    });
  });

  describe("the Updated badge", () => {
    it("shows for 3 days after a new version replaces one, and not for edits or first versions", async () => {
      const actor = sellerActor(sellerA);
      const product = await createPublishedProduct(deps, sellerA, { title: "Badge" });
      expect((await getProductPage(deps, { slug: product.slug })).updated).toBe(false);
      deps.clock.advance(DAY);
      await updateProduct(ctxFor(deps, actor), {
        productId: product.id,
        description: "typo fixed",
      });
      expect((await getProductPage(deps, { slug: product.slug })).updated).toBe(false);

      await addProductVersion(
        ctxFor(deps, actor),
        { productId: product.id, label: "1.1.0", changelog: "Faster", fileName: "p.zip" },
        bytes("v2"),
      );
      const page = await getProductPage(deps, { slug: product.slug });
      expect(page.updated).toBe(true);
      expect(page.currentVersion?.label).toBe("1.1.0");
      expect(page.versions.map((v) => v.label)).toEqual(["1.1.0", "1.0.0"]);
      expect((await listProducts(deps, {})).items[0]?.updated).toBe(true);

      deps.clock.advance(3 * DAY - 1);
      expect((await getProductPage(deps, { slug: product.slug })).updated).toBe(true);
      deps.clock.advance(1);
      expect((await getProductPage(deps, { slug: product.slug })).updated).toBe(false);
    });
  });

  describe("descriptions", () => {
    it("render Markdown without any raw HTML or script URLs", async () => {
      const product = await createPublishedProduct(deps, sellerA, { title: "XSS" });
      await updateProduct(ctxFor(deps, sellerActor(sellerA)), {
        productId: product.id,
        description: [
          "# Hello **world**",
          "<script>alert('raw')</script>",
          '<img src=x onerror="alert(1)">',
          "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com)",
          "![img](https://example.com/x.png)",
        ].join("\n\n"),
      });
      const html = (await getProductPage(deps, { slug: product.slug })).descriptionHtml;
      expect(html).toContain("<h1>Hello <strong>world</strong></h1>");
      expect(html).not.toMatch(/<script|<img src="x"|<[^>]+onerror|href="javascript:|href="data:/i);
      expect(html).toContain("&lt;script&gt;");
      expect(html).toContain(
        '<a href="https://example.com" rel="nofollow noopener noreferrer ugc" target="_blank">ok</a>',
      );
    });
  });

  describe("storefront list", () => {
    async function seed() {
      const icons = await createCategory(ctxFor(deps, staff), { name: "Icons" });
      const themes = await createCategory(ctxFor(deps, staff), { name: "Themes" });
      const titles = [
        "Aurora icon set",
        "Borealis theme",
        "Comet UI kit",
        "Dune icons",
        "Eclipse theme",
        "Fjord fonts",
      ];
      for (let i = 0; i < 30; i++) {
        deps.clock.advance(60_000);
        await createPublishedProduct(deps, i % 2 ? sellerA : sellerB, {
          title: `${titles[i % titles.length]} ${i}`,
          price: 100 + ((i * 37) % 11) * 100,
          categoryId: i % 3 === 0 ? icons.id : themes.id,
        });
      }
      return { icons, themes };
    }

    async function walk(input: Record<string, unknown>) {
      const seen = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await listProducts(deps, { ...input, limit: 7, cursor });
        seen.push(...result.items);
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return seen;
    }

    it("pages through every product exactly once in each sort order", async () => {
      await seed();
      const newest = await walk({ sort: "newest" });
      expect(newest).toHaveLength(30);
      expect(new Set(newest.map((p) => p.id)).size).toBe(30);
      expect(newest.map((p) => p.publishedAt)).toEqual(
        [...newest.map((p) => p.publishedAt)].sort().reverse(),
      );
      for (const sort of ["price_asc", "price_desc"] as const) {
        const prices = (await walk({ sort })).map((p) => p.price.amount);
        expect(prices).toHaveLength(30);
        const sorted = [...prices].sort((a, b) => a - b);
        expect(prices).toEqual(sort === "price_asc" ? sorted : sorted.reverse());
      }
      expect(await walk({ sort: "popular" })).toHaveLength(30);
    });

    it("filters by category and finds words, prefixes included, on both engines", async () => {
      const { icons } = await seed();
      const inIcons = await walk({ categorySlug: "icons" });
      expect(inIcons).toHaveLength(10);
      await updateCategory(ctxFor(deps, staff), { categoryId: icons.id, hidden: true });
      expect((await listProducts(deps, { categorySlug: "icons" })).items).toEqual([]);

      expect(
        (await walk({ q: "aurora" })).map((p) => p.title).every((t) => t.startsWith("Aurora")),
      ).toBe(true);
      expect(await walk({ q: "aurora" })).toHaveLength(5);
      expect(await walk({ q: "AURO" })).toHaveLength(5);
      expect(await walk({ q: "theme borealis" })).toHaveLength(5);
      expect(await walk({ q: "nothing-like-this" })).toHaveLength(0);
      // Search syntax is never passed through.
      for (const q of [
        '"',
        "*",
        "aurora OR dune",
        "NEAR(a b)",
        "a:*",
        "'); drop table products; --",
        "&|!",
      ]) {
        await expect(listProducts(deps, { q })).resolves.toBeTruthy();
      }
      expect(await productCount()).toBe(30);
    });

    it("refuses a tampered cursor", async () => {
      await expect(listProducts(deps, { cursor: "garbage!!" })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });
});

import { DAY, HOUR, MINUTE, ManualClock, userActor, type UserActor } from "@digistore/core";
import {
  addProductVersion,
  createCategory,
  createProduct,
  listCategories,
  setProductCover,
  setProductFeatured,
  setProductStatus,
  slugify,
  type CatalogContext,
} from "@digistore/domain-catalog";
import { createUser, findUserByEmail, type User } from "@digistore/domain-users";
import { Readable } from "node:stream";
import { renderCover } from "./cover";
import { DEMO_ACCOUNTS, DEMO_CATEGORIES, type DemoProduct, type DemoSellerKey } from "./demo-data";
import { DEMO_PRODUCTS } from "./demo-products";
import { packageVersion } from "./package-version";

export interface DemoSeedResult {
  readonly accounts: number;
  readonly categories: number;
  readonly products: number;
  readonly versions: number;
  readonly featured: number;
}

/** The demo accounts already in the database (seeding twice would clash with them). */
export async function existingDemoAccounts(deps: Pick<CatalogContext, "db">): Promise<string[]> {
  const found = await Promise.all(DEMO_ACCOUNTS.map((a) => findUserByEmail(deps, a.email)));
  return found.filter((user) => user !== null).map((user) => user.email);
}

const bytes = (buffer: Buffer) => Readable.from([buffer]);

interface Seller {
  readonly user: User;
  readonly actor: UserActor;
}

async function seedProduct(
  deps: Omit<CatalogContext, "actor"> & { clock: ManualClock },
  now: Date,
  product: DemoProduct,
  seller: Seller,
  categoryId: string,
): Promise<string> {
  const at = (hoursAgo: number) => now.getTime() - hoursAgo * HOUR;
  const asSeller = { ...deps, actor: seller.actor };
  const [first] = product.versions;
  if (!first) throw new Error(`demo product ${product.title} has no version`);
  deps.clock.set(at(first.hoursAgo + 2));
  const { id: productId } = await createProduct(asSeller, {
    title: product.title,
    summary: product.summary,
    description: product.description,
    price: product.price,
    currency: product.currency,
    supportPrice: product.supportPrice,
    categoryId,
  });
  deps.clock.set(at(first.hoursAgo + 1));
  const cover = renderCover(product.title);
  await setProductCover(asSeller, { productId, contentType: "image/png" }, bytes(cover));
  for (const version of product.versions) {
    deps.clock.set(at(version.hoursAgo));
    const file = packageVersion(product, version, seller.user.displayName, deps.clock.now());
    await addProductVersion(
      asSeller,
      {
        productId,
        label: version.label,
        changelog: version.changelog,
        fileName: file.fileName,
        contentType: file.contentType,
      },
      bytes(file.bytes),
    );
    if (version === first) {
      deps.clock.set(at(first.hoursAgo) + 15 * MINUTE);
      await setProductStatus(asSeller, { productId, status: "published" });
    }
  }
  return productId;
}

/**
 * Fills a store with the demo accounts, categories and products, through the same domain
 * verbs the app uses. History is spread over the past weeks (a clock set back in time), with
 * a few versions released in the last days so the "Updated" badge shows.
 */
export async function seedDemo(
  deps: Omit<CatalogContext, "clock" | "actor">,
  now: Date,
): Promise<DemoSeedResult> {
  const clock = new ManualClock(now.getTime() - 45 * DAY);
  const catalog = { ...deps, clock };

  const users = new Map<string, User>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createUser(catalog, {
      email: account.email,
      password: account.password,
      displayName: account.displayName,
      staff: account.role === "staff",
      seller: account.role === "seller",
      verified: true,
    });
    users.set(account.email, user);
  }
  const staff = DEMO_ACCOUNTS.find((a) => a.role === "staff")!;
  const asStaff = { ...catalog, actor: userActor(users.get(staff.email)!) };
  const sellers = new Map<DemoSellerKey, Seller>(
    DEMO_ACCOUNTS.flatMap((account) => {
      const user = users.get(account.email)!;
      const actor = userActor(user);
      return account.sellerKey ? [[account.sellerKey, { user, actor }] as const] : [];
    }),
  );

  clock.set(now.getTime() - 44 * DAY);
  // A store that already has some of these categories keeps them (slugs are unique).
  const existing = await listCategories(asStaff, { includeHidden: true });
  const categoryIds = new Map<string, string>();
  for (const name of DEMO_CATEGORIES) {
    const category =
      existing.find((c) => c.slug === slugify(name)) ?? (await createCategory(asStaff, { name }));
    categoryIds.set(name, category.id);
  }

  const featured: string[] = [];
  for (const product of DEMO_PRODUCTS) {
    const productId = await seedProduct(
      catalog,
      now,
      product,
      sellers.get(product.seller)!,
      categoryIds.get(product.category)!,
    );
    if (product.featured) featured.push(productId);
  }

  clock.set(now);
  for (const productId of featured) {
    await setProductFeatured(asStaff, { productId, featured: true });
  }
  return {
    accounts: DEMO_ACCOUNTS.length,
    categories: DEMO_CATEGORIES.length,
    products: DEMO_PRODUCTS.length,
    versions: DEMO_PRODUCTS.reduce((n, p) => n + p.versions.length, 0),
    featured: featured.length,
  };
}

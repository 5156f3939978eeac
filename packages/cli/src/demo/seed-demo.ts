import { DAY, HOUR, MINUTE, ManualClock, SYSTEM, userActor, type UserActor } from "@digistore/core";
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
import { loadDemoStore, type DemoAccount, type DemoProduct, type DemoStore } from "./demo-data";
import { packageVersion } from "./package-version";
import { seedDemoMarketing } from "./seed-demo-marketing";
import { seedDemoSales } from "./seed-demo-sales";

export interface DemoSeedResult {
  readonly accounts: number;
  readonly categories: number;
  readonly products: number;
  readonly versions: number;
  readonly featured: number;
  readonly orders: number;
  readonly buyers: number;
}

/** A seller's published products, oldest first. */
async function publishedSlugs(deps: Pick<CatalogContext, "db">, sellerId: string) {
  const rows = await deps.db
    .selectFrom("products")
    .select("slug")
    .where("seller_id", "=", sellerId)
    .where("status", "=", "published")
    .orderBy("created_at")
    .execute();
  return rows.map((row) => row.slug);
}

/** The demo accounts already in the database (seeding twice would clash with them). */
export async function existingDemoAccounts(
  deps: Pick<CatalogContext, "db">,
  accounts: readonly DemoAccount[],
): Promise<string[]> {
  const found = await Promise.all(accounts.map((a) => findUserByEmail(deps, a.email)));
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
): Promise<{ id: string }> {
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
  return { id: productId };
}

/**
 * Fills a store with the demo accounts, categories and products, through the same domain
 * verbs the app uses. History is spread over the past weeks (a clock set back in time), with
 * a few versions released in the last days so the "Updated" badge shows. `demo` defaults to
 * the asset files (demo-assets/).
 */
export async function seedDemo(
  deps: Omit<CatalogContext, "clock" | "actor"> & { readonly publicUrl: string },
  now: Date,
  demo: DemoStore = loadDemoStore(),
): Promise<DemoSeedResult> {
  const clock = new ManualClock(now.getTime() - 45 * DAY);
  const catalog = { ...deps, clock };

  const users = new Map<string, User>();
  for (const account of demo.accounts) {
    const user = await createUser(
      { ...catalog, actor: SYSTEM },
      {
        email: account.email,
        password: account.password,
        displayName: account.displayName,
        staff: account.role === "staff",
        seller: account.role === "seller",
        verified: true,
      },
    );
    users.set(account.email, user);
  }
  const staff = demo.accounts.find((a) => a.role === "staff")!;
  const asStaff = { ...catalog, actor: userActor(users.get(staff.email)!) };
  const sellers = new Map<string, Seller>(
    demo.accounts.flatMap((account) => {
      const user = users.get(account.email)!;
      const actor = userActor(user);
      return account.sellerKey ? [[account.sellerKey, { user, actor }] as const] : [];
    }),
  );

  clock.set(now.getTime() - 44 * DAY);
  // A store that already has some of these categories keeps them (slugs are unique).
  const existing = await listCategories(asStaff, { includeHidden: true });
  const categoryIds = new Map<string, string>();
  for (const name of demo.categories) {
    const category =
      existing.find((c) => c.slug === slugify(name)) ?? (await createCategory(asStaff, { name }));
    categoryIds.set(name, category.id);
  }

  const featured: string[] = [];
  let launch: { seller: Seller; productId: string } | null = null;
  for (const product of demo.products) {
    const seller = sellers.get(product.seller)!;
    const { id } = await seedProduct(
      catalog,
      now,
      product,
      seller,
      categoryIds.get(product.category)!,
    );
    if (product.featured) featured.push(id);
    if (product.featured) launch ??= { seller, productId: id };
  }
  if (launch) {
    await seedDemoMarketing(deps, now, launch.seller.actor, launch.productId);
  }

  clock.set(now);
  for (const productId of featured) {
    await setProductFeatured(asStaff, { productId, featured: true });
  }
  const sales = launch
    ? await seedDemoSales(
        deps,
        now,
        await publishedSlugs(deps, launch.seller.user.id),
        users.get(demo.accounts.find((a) => a.role === "customer")?.email ?? "") ?? null,
      )
    : { orders: 0, buyers: 0 };

  return {
    accounts: demo.accounts.length,
    categories: demo.categories.length,
    products: demo.products.length,
    versions: demo.products.reduce((n, p) => n + p.versions.length, 0),
    featured: featured.length,
    orders: sales.orders,
    buyers: sales.buyers,
  };
}

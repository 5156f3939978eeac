import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { isRecentlyUpdated } from "@digistore/domain-catalog";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip } from "../demo/testing";
import { main } from "../main";
import { capture } from "../testing";

describe.each(testDialects())("digistore seed --demo on %s", (dialect) => {
  let t: TestDb;
  let dir: string;
  let env: Record<string, string>;
  let first: ReturnType<typeof capture> & { code: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "digistore-cli-seed-"));
    t = await createTestDb({ dialect, file: join(dir, "cli.db") });
    env = { DATABASE_URL: t.url, DATA_DIR: dir, PUBLIC_URL: "https://shop.example.com" };
    const run = capture();
    first = { ...run, code: await main(["seed", "--demo"], env, run.runtime) };
  }, 30_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const countOf = async (
    table: "users" | "products" | "categories" | "product_versions" | "email_outbox",
  ) => (await t.db.selectFrom(table).select("id").execute()).length;

  it("adds verified demo accounts, categories and published products, and prints the logins", async () => {
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    const output = first.out.join("\n");
    for (const login of [
      /staff\s+staff@demo\.digistore\.test\s+demo-staff-pass/,
      /seller \(Nova Studio\)\s+nova@demo\.digistore\.test\s+demo-seller-pass/,
      /seller \(Pixel Forge\)\s+forge@demo\.digistore\.test\s+demo-seller-pass/,
      /customer\s+customer@demo\.digistore\.test\s+demo-customer-pass/,
    ])
      expect(output).toMatch(login);
    expect(first.out.at(-1)).toBe("Store: https://shop.example.com");

    const users = await t.db
      .selectFrom("users")
      .select(["email", "is_customer", "is_seller", "is_staff", "email_verified_at"])
      .where("email", "not like", "buyer-%")
      .orderBy("email")
      .execute();
    expect(users.map((u) => [u.email, u.is_staff, u.is_seller, u.is_customer])).toEqual([
      ["customer@demo.digistore.test", 0, 0, 1],
      ["forge@demo.digistore.test", 0, 1, 1],
      ["nova@demo.digistore.test", 0, 1, 1],
      ["staff@demo.digistore.test", 1, 0, 0],
    ]);
    expect(users.every((u) => u.email_verified_at !== null)).toBe(true);

    const categories = await t.db.selectFrom("categories").select(["id", "name"]).execute();
    expect(categories.map((c) => c.name).sort()).toEqual([
      "Guides",
      "Icons",
      "Plugins",
      "Templates",
      "UI Kits",
    ]);
    const products = await t.db.selectFrom("products").selectAll().execute();
    expect(products.length).toBeGreaterThanOrEqual(12);
    expect(products.every((p) => p.status === "published" && p.published_at !== null)).toBe(true);
    expect(products.filter((p) => p.featured === 1)).toHaveLength(3);
    expect(new Set(products.map((p) => p.seller_id)).size).toBe(2);
    expect(new Set(products.map((p) => p.category_id))).toEqual(
      new Set(categories.map((c) => c.id)),
    );
    expect(new Set(products.map((p) => p.currency))).toEqual(new Set(["USD", "EUR"]));
    expect(products.filter((p) => p.support_price_amount !== null).length).toBeGreaterThan(
      products.length / 2,
    );
    expect(products.every((p) => p.description.length > 200 && p.summary.length > 20)).toBe(true);

    const versions = await t.db.selectFrom("product_versions").selectAll().execute();
    const versionsOf = (productId: string) => versions.filter((v) => v.product_id === productId);
    const updated = products.filter((p) => versionsOf(p.id).length > 1);
    expect(updated.length).toBeGreaterThanOrEqual(3);
    expect(updated.every((p) => p.content_updated_at !== null)).toBe(true);
    const singleVersion = products.filter((p) => versionsOf(p.id).length === 1);
    expect(singleVersion.length).toBeGreaterThan(0);
    expect(singleVersion.every((p) => !p.content_updated_at)).toBe(true);
    // Some show the "Updated" badge now; older updates no longer do.
    const badged = products.filter((p) => isRecentlyUpdated(p.content_updated_at, new Date()));
    expect(badged.length).toBeGreaterThanOrEqual(2);
    expect(badged.length).toBeLessThan(updated.length);
    expect(versions.every((v) => v.changelog.length > 0)).toBe(true);
  });

  it("gives the demo a month of past sales through the real pipeline, the customer one of them", async () => {
    const orders = await t.db
      .selectFrom("orders")
      .innerJoin("users", "users.id", "orders.user_id")
      .select(["orders.status", "orders.created_at", "orders.seller_id", "users.email"])
      .execute();
    expect(orders.length).toBeGreaterThan(20);
    expect(orders.every((o) => o.status === "paid" || o.status === "refunded")).toBe(true);
    expect(orders.some((o) => o.status === "refunded")).toBe(true);
    expect(new Set(orders.map((o) => o.seller_id)).size).toBe(1);
    expect(orders.filter((o) => o.email === "customer@demo.digistore.test")).toHaveLength(1);
    const owned = await t.db.selectFrom("purchased_products").select("revoked_at").execute();
    expect(owned.length).toBe(orders.length);
    // The dashboard's rollups were kept by the order hook as the events landed.
    const [days] = await t.db
      .selectFrom("sales_days")
      .select((eb) => eb.fn.sum<number>("sales").as("sales"))
      .where("product_id", "=", "")
      .execute();
    expect(Number(days?.sales)).toBe(orders.length);
    // No receipts for made-up history.
    expect(await countOf("email_outbox")).toBe(0);
  });

  it("stores every current file with its recorded size and SHA-256, and a PNG cover", async () => {
    const products = await t.db
      .selectFrom("products")
      .innerJoin("product_versions", "product_versions.id", "products.current_version_id")
      .select([
        "products.title",
        "products.cover_key",
        "product_versions.file_key",
        "product_versions.file_name",
        "product_versions.file_size",
        "product_versions.content_type",
        "product_versions.sha256",
      ])
      .execute();
    expect(products.length).toBe(await countOf("products"));
    let zips = 0;
    for (const p of products) {
      const file = readFileSync(join(dir, "storage", p.file_key));
      expect(file.length, p.title).toBe(Number(p.file_size));
      expect(file.length).toBeLessThan(200 * 1024);
      expect(createHash("sha256").update(file).digest("hex"), p.title).toBe(p.sha256);
      if (p.content_type === "application/zip") {
        zips++;
        expect(p.file_name).toMatch(/\.zip$/);
        const entries = readZip(file);
        const folder = p.file_name.replace(/\.zip$/, "");
        expect(entries.map((e) => e.path)).toContain(`${folder}/README.md`);
        expect(entries.map((e) => e.path)).toContain(`${folder}/LICENSE.txt`);
        expect(entries.every((e) => e.path.startsWith(`${folder}/`) && e.content.length > 0)).toBe(
          true,
        );
      }
      const cover = PNG.sync.read(readFileSync(join(dir, "storage", p.cover_key!)));
      expect([cover.width, cover.height]).toEqual([600, 400]);
    }
    expect(zips).toBeGreaterThanOrEqual(6);
    expect(new Set(products.map((p) => p.sha256)).size).toBe(products.length);
  });

  it("gives the demo seller a discount code and a short link with four weeks of visits", async () => {
    const code = await t.db.selectFrom("discount_codes").selectAll().executeTakeFirstOrThrow();
    expect([code.code, code.percent_off, code.all_products]).toEqual(["WELCOME10", 10, 1]);
    const link = await t.db.selectFrom("short_links").selectAll().executeTakeFirstOrThrow();
    expect(link.slug).toBe("nova-launch");
    expect(link.owner_id).toBe(code.seller_id);
    const product = await t.db
      .selectFrom("products")
      .select(["id", "seller_id", "featured"])
      .where("id", "=", link.product_id!)
      .executeTakeFirstOrThrow();
    expect([product.seller_id, product.featured]).toEqual([code.seller_id, 1]);
    const hours = await t.db
      .selectFrom("link_click_hours")
      .select(["hour", "clicks", "unique_visitors", "bot_clicks"])
      .where("link_id", "=", link.id)
      .execute();
    const days = new Set(hours.map((h) => h.hour.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(25);
    expect(hours.reduce((n, h) => n + Number(h.clicks), 0)).toBeGreaterThan(200);
    const sum = (key: "clicks" | "unique_visitors" | "bot_clicks") =>
      hours.reduce((n, h) => n + Number(h[key]), 0);
    // Some come back the same day; a crawler comes by now and then, counted apart.
    expect(sum("unique_visitors")).toBeLessThan(sum("clicks"));
    expect(sum("bot_clicks")).toBeGreaterThan(0);
    expect(
      await t.db.selectFrom("link_clicks").select("id").where("link_id", "=", link.id).execute(),
    ).toHaveLength(sum("clicks") + sum("bot_clicks"));
  });

  it("skips a store with users under --if-empty, and refuses to seed the demo twice", async () => {
    const before = await Promise.all(
      (["users", "products", "categories", "product_versions"] as const).map(countOf),
    );
    const skip = capture();
    expect(await main(["seed", "--demo", "--if-empty"], env, skip.runtime)).toBe(0);
    expect(skip.out).toEqual(["Database already has users; demo data not added."]);

    const again = capture();
    expect(await main(["seed", "--demo"], env, again.runtime)).toBe(1);
    expect(again.err[0]).toMatch(/demo accounts already exist \(.*staff@demo\.digistore\.test/);
    expect(
      await Promise.all(
        (["users", "products", "categories", "product_versions"] as const).map(countOf),
      ),
    ).toEqual(before);
  });
});

describe("digistore seed input errors", () => {
  it("needs --demo and known flags (exit 2)", async () => {
    const bare = capture();
    expect(await main(["seed"], { DATABASE_URL: ":memory:" }, bare.runtime)).toBe(2);
    expect(bare.err[0]).toMatch(/seed needs --demo/);
    const unknown = capture();
    expect(
      await main(["seed", "--demo", "--all"], { DATABASE_URL: ":memory:" }, unknown.runtime),
    ).toBe(2);
  });

  it("asks for migrations first on an unmigrated database (exit 1)", async () => {
    const run = capture();
    expect(await main(["seed", "--demo"], { DATABASE_URL: ":memory:" }, run.runtime)).toBe(1);
    expect(run.err[0]).toMatch(/pending migrations; run `digistore migrate` first/);
  });
});

import { SYSTEM, systemClock, newId, seededRandom, userActor, type Clock } from "@digistore/core";
import { createDb, migrateToLatest, type ProductsTable } from "@digistore/db";
import { createCategory, listCategories, slugify } from "@digistore/domain-catalog";
import { createUser, findUserByEmail } from "@digistore/domain-users";
import { sql } from "kysely";

/**
 * A load generator, not app code: it writes product rows straight into `products` with
 * multi-row inserts, skipping createProduct (validation, versions, one row at a time) so a
 * 100,000-product catalogue takes seconds. Sellers and categories, a handful, still go
 * through the domain. The FTS5 index on SQLite follows by its triggers; on PostgreSQL the
 * `search` tsvector column is generated. Products have no versions (current_version_id null):
 * the storefront list does not read them.
 */

export interface CatalogShape {
  readonly products: number;
  readonly sellers?: number;
  readonly categories?: number;
  /** Same seed, same titles, prices and dates (ids and slugs still differ per run). */
  readonly seed?: number;
}

export interface GeneratedCatalog {
  readonly products: number;
  readonly published: number;
  readonly sellerIds: string[];
  readonly categories: { readonly id: string; readonly slug: string; readonly name: string }[];
  /** Wall time to write the products (not sellers, categories or migrations). */
  readonly insertMs: number;
  readonly totalMs: number;
}

/**
 * Rarer words: each lands in ~1.5% of products (30% of products carry one of twenty), so a
 * search for one returns a page from a big catalogue and a handful from a small one. None is
 * a prefix of another word the generator writes (searches are prefix matches).
 */
const RARE_WORDS = [
  "zeppelin",
  "quokka",
  "obsidian",
  "kraken",
  "saffron",
  "tundra",
  "marzipan",
  "fjord",
  "halcyon",
  "origami",
  "basilisk",
  "juniper",
  "monsoon",
  "paprika",
  "sequoia",
  "tamarind",
  "vortex",
  "wombat",
  "yuzu",
  "zircon",
] as const;
/** The search the bench runs: one rarer word. */
export const SEARCH_TERM = "zeppelin";
/** A broad search: a kind of product, in ~10% of titles. */
export const BROAD_SEARCH_TERM = "template";

const STYLES = [
  "Minimal",
  "Retro",
  "Bold",
  "Hand-drawn",
  "Modern",
  "Vintage",
  "Pastel",
  "Neon",
  "Clean",
  "Playful",
  "Elegant",
  "Rustic",
  "Geometric",
  "Organic",
  "Dark",
  "Isometric",
  "Flat",
  "Gritty",
  "Cozy",
  "Brutalist",
  "Swiss",
  "Botanical",
  "Cosmic",
  "Lo-fi",
  "Cinematic",
  "Monochrome",
];
const SUBJECTS = [
  "Line",
  "Weather",
  "Finance",
  "Fitness",
  "Travel",
  "Kitchen",
  "Garden",
  "Startup",
  "Wedding",
  "Podcast",
  "Ocean",
  "Mountain",
  "City",
  "Forest",
  "Coffee",
  "Music",
  "Gaming",
  "Office",
  "Holiday",
  "Portfolio",
  "Budget",
  "Habit",
  "Study",
  "Recipe",
  "Social",
  "Pixel",
  "Watercolor",
  "Synthwave",
  "Desert",
  "Autumn",
];
const KINDS = [
  "Icon Pack",
  "Font",
  "Template",
  "Preset Bundle",
  "Brush Set",
  "Sample Library",
  "Planner",
  "UI Kit",
  "Mockup Set",
  "Texture Pack",
  "Sound Effects",
  "Lightroom Presets",
  "Notion Template",
  "Wallpaper Pack",
  "Sticker Sheet",
  "Course",
  "E-book",
  "Spreadsheet",
  "3D Models",
  "Shader Pack",
];
const AUDIENCES = [
  "designers",
  "freelancers",
  "students",
  "small teams",
  "photographers",
  "musicians",
  "game developers",
  "writers",
  "teachers",
  "marketers",
  "makers",
  "video editors",
];
const BENEFITS = [
  "ships in minutes",
  "scales from phone to print",
  "stays crisp at any size",
  "works in Figma, Sketch and Affinity",
  "is royalty-free for commercial work",
  "comes with lifetime updates",
  "keeps your files organised",
  "is tuned for dark mode",
  "saves hours every week",
  "includes editable source files",
];
const FILLER = [
  "Every file is layered and named, so you can change colours, sizes and text without hunting.",
  "Drop the folder into your project and start; there is nothing to install.",
  "The license covers personal and commercial projects, including client work.",
  "Updates are free: download the newest version from your library whenever it changes.",
  "Questions? Write to the seller from the product page; answers usually come within a day.",
  "Formats: SVG, PNG at three sizes, and the original source for your editor.",
  "Tested with the current releases of the major tools, on macOS and Windows.",
  "A short guide in the download walks through customising it step by step.",
  "Made with care over several months and used in real projects before release.",
  "Pairs well with the rest of the collection, which shares the same palette and grid.",
];
const PRICES = [199, 299, 499, 500, 900, 999, 1200, 1500, 1900, 2400, 2900, 3900, 4900, 7900, 9900];

const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365 * DAY_MS;
/**
 * 500 rows × 20 columns = 10,000 bound values per statement: under SQLite's 32,766 (3.32+)
 * and PostgreSQL's 65,535.
 */
const ROWS_PER_STATEMENT = 500;
const STATEMENTS_PER_TRANSACTION = 20;
/** Bench sellers share this password; nobody logs in as them. */
const SELLER_PASSWORD = "bench seller password";
/** createCategory wants staff; the generator is the operator here. */
const OPERATOR = userActor({ id: "bench-generator", roles: { seller: false, staff: true } });
const CATEGORY_NAMES = [
  "Icons",
  "Fonts",
  "Templates",
  "Presets",
  "Brushes",
  "Audio",
  "Planners",
  "UI Kits",
  "Mockups",
  "Textures",
  "Courses",
  "E-books",
  "3D",
  "Wallpapers",
  "Spreadsheets",
  "Shaders",
];

async function ensureSellers(
  deps: { db: Parameters<typeof createUser>[0]["db"]; clock: Clock },
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const email = `bench-seller-${i}@example.com`;
    const existing = await findUserByEmail(deps, email);
    const user =
      existing ??
      (await createUser(
        { ...deps, actor: SYSTEM },
        {
          email,
          password: SELLER_PASSWORD,
          displayName: `Bench Studio ${i}`,
          seller: true,
        },
      ));
    ids.push(user.id);
  }
  return ids;
}

async function ensureCategories(
  deps: { db: Parameters<typeof createCategory>[0]["db"]; clock: Clock },
  count: number,
): Promise<GeneratedCatalog["categories"]> {
  const operator = { ...deps, actor: OPERATOR };
  const existing = await listCategories(operator, { includeHidden: true });
  const result: { id: string; slug: string; name: string }[] = [];
  for (let i = 0; i < count; i++) {
    const name =
      CATEGORY_NAMES[i % CATEGORY_NAMES.length]! + (i >= CATEGORY_NAMES.length ? ` ${i}` : "");
    const slug = slugify(name);
    const category =
      existing.find((c) => c.slug === slug) ?? (await createCategory(operator, { name, slug }));
    result.push({ id: category.id, slug: category.slug, name: category.name });
  }
  return result;
}

/** Fills `databaseUrl` (migrated first) with sellers, categories and `shape.products` products. */
export async function generateCatalog(
  databaseUrl: string,
  shape: CatalogShape,
): Promise<GeneratedCatalog> {
  const started = performance.now();
  const handle = await createDb(databaseUrl);
  try {
    await migrateToLatest(handle);
    if (handle.dialect === "sqlite") {
      // This connection only: a bigger page cache keeps the slug and FTS b-trees, which grow
      // in random order, in memory (about 15% faster at 100,000 products).
      await sql`pragma cache_size = -262144`.execute(handle.db);
    }
    const deps = { db: handle.db, clock: systemClock };
    const sellerIds = await ensureSellers(deps, Math.max(1, shape.sellers ?? 8));
    const categories = await ensureCategories(deps, Math.max(1, shape.categories ?? 12));

    const rand = seededRandom(shape.seed ?? 1);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const now = Date.now();
    // Slugs are unique across the table: a per-run tag lets the CLI add to an existing catalogue.
    const runTag = now.toString(36);
    let published = 0;

    const makeRow = (i: number): ProductsTable => {
      const style = pick(STYLES);
      const subject = pick(SUBJECTS);
      const kind = pick(KINDS);
      const rare = rand() < 0.3 ? pick(RARE_WORDS) : null;
      const rareWhere = rand();
      const titleWords = [style, subject, kind];
      if (rare && rareWhere < 0.4) titleWords.splice(1, 0, rare[0]!.toUpperCase() + rare.slice(1));
      const title = titleWords.join(" ");
      const audience = pick(AUDIENCES);
      let summary = `${style} ${subject.toLowerCase()} ${kind.toLowerCase()} for ${audience}: it ${pick(BENEFITS)}.`;
      if (rare && rareWhere >= 0.4 && rareWhere < 0.7) summary += ` Inspired by ${rare}.`;
      const paragraphs = [
        `# ${title}`,
        `A ${style.toLowerCase()} ${kind.toLowerCase()} built around ${subject.toLowerCase()} themes. It ${pick(BENEFITS)} and ${pick(BENEFITS)}.`,
        `${pick(FILLER)} ${pick(FILLER)}`,
        `- Made for ${audience} and ${pick(AUDIENCES)}\n- ${pick(FILLER)}`,
      ];
      if (rare && rareWhere >= 0.7) paragraphs.push(`The ${rare} series: ${pick(FILLER)}`);

      const roll = rand();
      const status = roll < 0.03 ? "draft" : roll < 0.05 ? "archived" : "published";
      if (status === "published") published++;
      // Oldest first, as a real catalogue grows: time-ordered ids then append to the primary key.
      const publishedMs =
        now - YEAR_MS + Math.floor(((i + rand()) / shape.products) * YEAR_MS) - DAY_MS;
      const createdMs = publishedMs - Math.floor(rand() * 30 * DAY_MS);
      const contentUpdatedMs =
        rand() < 0.05 ? publishedMs + Math.floor(rand() * (now - publishedMs)) : null;
      const categoryRoll = rand();
      return {
        id: newId(createdMs),
        seller_id: sellerIds[Math.floor(rand() * sellerIds.length)]!,
        slug: `${slugify(title).slice(0, 60)}-${runTag}-${i.toString(36)}`,
        title,
        summary,
        description: paragraphs.join("\n\n"),
        price_amount: pick(PRICES),
        currency: "USD",
        support_price_amount: rand() < 0.1 ? pick(PRICES) : null,
        pay_what_you_want: 0,
        suggested_price_amount: null,
        category_id:
          categoryRoll < 0.05 ? null : categories[Math.floor(rand() * categories.length)]!.id,
        cover_key: null,
        featured: rand() < 0.003 ? 1 : 0,
        status,
        current_version_id: null,
        // Long tail: most sell a little, a few sell a lot.
        sales_count: Math.floor(rand() ** 4 * 5000),
        content_updated_at:
          contentUpdatedMs === null ? null : new Date(contentUpdatedMs).toISOString(),
        published_at: status === "draft" ? null : new Date(publishedMs).toISOString(),
        created_at: new Date(createdMs).toISOString(),
        updated_at: new Date(contentUpdatedMs ?? publishedMs).toISOString(),
      };
    };

    const insertStarted = performance.now();
    const perTransaction = ROWS_PER_STATEMENT * STATEMENTS_PER_TRANSACTION;
    for (let start = 0; start < shape.products; start += perTransaction) {
      const end = Math.min(shape.products, start + perTransaction);
      await handle.db.transaction().execute(async (trx) => {
        for (let from = start; from < end; from += ROWS_PER_STATEMENT) {
          const rows: ProductsTable[] = [];
          for (let i = from; i < Math.min(end, from + ROWS_PER_STATEMENT); i++)
            rows.push(makeRow(i));
          await trx.insertInto("products").values(rows).execute();
        }
      });
    }
    const insertMs = performance.now() - insertStarted;
    return {
      products: shape.products,
      published,
      sellerIds,
      categories,
      insertMs: Math.round(insertMs),
      totalMs: Math.round(performance.now() - started),
    };
  } finally {
    await handle.close();
  }
}

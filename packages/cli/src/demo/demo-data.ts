import { ZAmount, ZCurrency } from "@digistore/core";
import { slugify } from "@digistore/domain-catalog";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * The demo store as files (packages/cli/demo-assets, see its README): store.json names the
 * accounts, categories and product folders; each folder holds product.json, description.md
 * and one folder of files per version. Read at seed time, validated here.
 */
export const DEMO_ASSETS_DIR = fileURLToPath(new URL("../../demo-assets", import.meta.url));

const ZAccount = z.strictObject({
  email: z.email(),
  password: z.string().min(8),
  displayName: z.string().min(1),
  role: z.enum(["staff", "seller", "customer"]),
  /** What the seller's product.json files name in `seller` (sellers only). */
  sellerKey: z.string().min(1).optional(),
});

const ZStore = z.strictObject({
  accounts: z
    .array(ZAccount)
    .refine((accounts) => accounts.some((a) => a.role === "staff"), "needs a staff account"),
  categories: z.array(z.string().min(1)).min(1),
  /** Product folders, in the order they are seeded. */
  products: z.array(z.string().min(1)).min(1),
});

/** "36d" or "6h": when a version was released, before the seed runs. */
const ZReleasedAgo = z
  .string()
  .regex(/^\d+[dh]$/, 'write a number of days or hours ago, as "36d" or "6h"')
  .transform((text) => Number(text.slice(0, -1)) * (text.endsWith("d") ? 24 : 1));

const ZProductFile = z.strictObject({
  title: z.string().min(1),
  /** An account's `sellerKey`. */
  seller: z.string().min(1),
  /** One of store.json's categories. */
  category: z.string().min(1),
  summary: z.string().min(1),
  /** Minor units, like every price. */
  price: ZAmount,
  currency: ZCurrency,
  supportPrice: ZAmount.nullable(),
  featured: z.boolean().default(false),
  /** "zip": the version's files go in an archive with a README and a licence; "file": one file. */
  packaging: z.enum(["zip", "file"]),
  /** Oldest first; each has a folder versions/<label>/ holding its files. */
  versions: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        releasedAgo: ZReleasedAgo,
        changelog: z.string().min(1),
      }),
    )
    .min(1),
});

export type DemoAccount = z.infer<typeof ZAccount>;

interface DemoFile {
  /** Path inside the archive, or the file name of a single-file product. */
  readonly path: string;
  readonly content: Buffer;
}

export interface DemoVersion {
  readonly label: string;
  readonly changelog: string;
  /** When it was released, in hours before the seed runs: recent later versions show "Updated". */
  readonly hoursAgo: number;
  readonly files: readonly DemoFile[];
}

export interface DemoProduct extends Omit<z.infer<typeof ZProductFile>, "versions"> {
  /** Markdown. */
  readonly description: string;
  readonly versions: readonly DemoVersion[];
}

export interface DemoStore {
  readonly accounts: readonly DemoAccount[];
  readonly categories: readonly string[];
  readonly products: readonly DemoProduct[];
}

/** A demo asset that cannot be used: the message starts with the file to fix (full path). */
class DemoAssetError extends Error {
  constructor(file: string, problem: string) {
    super(`demo asset ${file}: ${problem}`);
    this.name = "DemoAssetError";
  }
}

function readJson<T extends z.ZodType>(path: string, schema: T): z.output<T> {
  if (!existsSync(path)) throw new DemoAssetError(path, "missing");
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DemoAssetError(path, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = z.prettifyError(parsed.error).split("\n");
    throw new DemoAssetError(path, issues.map((line) => line.trim()).join(" "));
  }
  return parsed.data;
}

/** Every file below `dir`, as forward-slash paths relative to it, in code-point order. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function loadProduct(root: string, folder: string, store: z.output<typeof ZStore>): DemoProduct {
  const dir = join(root, folder);
  const jsonPath = join(dir, "product.json");
  const { versions, ...product } = readJson(jsonPath, ZProductFile);
  if (slugify(product.title) !== folder)
    throw new DemoAssetError(jsonPath, `the folder of "${product.title}" must be named its slug`);
  if (!store.accounts.some((a) => a.role === "seller" && a.sellerKey === product.seller))
    throw new DemoAssetError(
      jsonPath,
      `no seller account in store.json has sellerKey "${product.seller}"`,
    );
  if (!store.categories.includes(product.category))
    throw new DemoAssetError(jsonPath, `category "${product.category}" is not in store.json`);
  const descriptionPath = join(dir, "description.md");
  if (!existsSync(descriptionPath)) throw new DemoAssetError(descriptionPath, "missing");
  return {
    ...product,
    description: readFileSync(descriptionPath, "utf8").trimEnd(),
    versions: versions.map(({ label, releasedAgo, changelog }) => {
      const filesDir = join(dir, "versions", label);
      if (!existsSync(filesDir))
        throw new DemoAssetError(filesDir, `missing (product.json lists version ${label})`);
      const paths = filesBelow(filesDir);
      if (paths.length === 0) throw new DemoAssetError(filesDir, "holds no files");
      if (product.packaging === "file" && paths.length !== 1)
        throw new DemoAssetError(filesDir, 'a "file" product version holds exactly one file');
      const files = paths.map((path) => ({ path, content: readFileSync(join(filesDir, path)) }));
      return { label, changelog, hoursAgo: releasedAgo, files };
    }),
  };
}

/** Reads and checks the demo store; throws a DemoAssetError naming the file at fault. */
export function loadDemoStore(root: string = DEMO_ASSETS_DIR): DemoStore {
  const store = readJson(join(root, "store.json"), ZStore);
  return {
    accounts: store.accounts,
    categories: store.categories,
    products: store.products.map((folder) => loadProduct(root, folder, store)),
  };
}

/**
 * `tsx generate-catalog.ts <DATABASE_URL> <count> [seed]`: fills a store database with bench
 * products (migrating it first), e.g. `tsx generate-catalog.ts file:./var/play.db 100_000`.
 * Run again to add more: sellers and categories are reused, product slugs never collide.
 */
import { redact } from "@digistore/db";
import { generateCatalog } from "./catalog";

const [url, countArg, seedArg] = process.argv.slice(2);
const count = Number((countArg ?? "").replace(/_/g, ""));
const seed = seedArg === undefined ? undefined : Number(seedArg);
if (
  !url ||
  !Number.isInteger(count) ||
  count < 0 ||
  (seed !== undefined && !Number.isInteger(seed))
) {
  console.error("usage: tsx generate-catalog.ts <DATABASE_URL> <count> [seed]");
  process.exit(2);
}

const result = await generateCatalog(url, {
  products: count,
  ...(seed === undefined ? {} : { seed }),
});
console.log(
  `${redact(url)}: ${result.products} products (${result.published} published) by ` +
    `${result.sellerIds.length} sellers in ${result.categories.length} categories; ` +
    `inserts ${(result.insertMs / 1000).toFixed(1)} s, total ${(result.totalMs / 1000).toFixed(1)} s`,
);

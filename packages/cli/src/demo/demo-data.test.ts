import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_ASSETS_DIR, loadDemoStore } from "./demo-data";

describe("loadDemoStore", () => {
  it("reads the shipped demo store: accounts, categories, products and their files", () => {
    const demo = loadDemoStore();
    expect(demo.accounts.map((a) => a.role)).toEqual(["staff", "seller", "seller", "customer"]);
    expect(demo.categories).toEqual(["Icons", "UI Kits", "Templates", "Plugins", "Guides"]);
    expect(demo.products).toHaveLength(13);
    expect(demo.products.reduce((n, p) => n + p.versions.length, 0)).toBe(20);
    expect(demo.products.filter((p) => p.featured).map((p) => p.title)).toEqual([
      "Lumen Line Icons",
      "Atlas Dashboard UI Kit",
      "Tablesmith Markdown Table Formatter",
    ]);
    const lumen = demo.products[0]!;
    expect(lumen).toMatchObject({
      seller: "nova",
      category: "Icons",
      price: 2400,
      currency: "USD",
    });
    expect(lumen.description).toMatch(/^Lumen is a set of \*\*outline icons\*\*/);
    expect(lumen.versions.map((v) => [v.label, v.hoursAgo, v.files.length])).toEqual([
      ["1.0.0", 38 * 24, 17],
      ["1.1.0", 16 * 24, 21],
      ["1.2.0", 20, 25],
    ]);
    expect(lumen.versions[2]!.changelog).toContain("\nFixed: the bell icon");
    // Files in path order, with forward slashes, byte for byte.
    const { files } = lumen.versions[0]!;
    expect(files[0]!.path).toBe("preview.html");
    expect(files.slice(1).every((f) => /^svg\/[a-z-]+\.svg$/.test(f.path))).toBe(true);
    expect(files[1]!.content).toEqual(
      readFileSync(join(DEMO_ASSETS_DIR, "lumen-line-icons/versions/1.0.0", files[1]!.path)),
    );
    for (const product of demo.products) {
      expect(product.description.length, product.title).toBeGreaterThan(200);
      if (product.packaging === "file")
        expect(product.versions.every((v) => v.files.length === 1)).toBe(true);
    }
  });
});

describe("a broken demo asset", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  type Json = Record<string, unknown> & { versions: Record<string, unknown>[] };

  /** A copy of the demo assets with one file replaced (or removed when `content` is null). */
  function assetsWith(file: string, content: string | null | ((json: Json) => unknown)): string {
    const dir = mkdtempSync(join(tmpdir(), "digistore-demo-assets-"));
    dirs.push(dir);
    cpSync(DEMO_ASSETS_DIR, dir, { recursive: true });
    const path = join(dir, file);
    if (content === null) rmSync(path, { recursive: true });
    else if (typeof content === "function")
      writeFileSync(path, JSON.stringify(content(JSON.parse(readFileSync(path, "utf8")) as Json)));
    else writeFileSync(path, content);
    return dir;
  }

  const lumen = join("lumen-line-icons", "product.json");

  it("fails with a message naming the file and the field", () => {
    const dir = assetsWith(lumen, (p) => ({ ...p, price: "24.00" }));
    expect(() => loadDemoStore(dir)).toThrow(
      /demo asset \S*\/lumen-line-icons\/product\.json: .*price/s,
    );
    const released = assetsWith(lumen, (p) => ({
      ...p,
      versions: [{ ...p.versions[0], releasedAgo: "last week" }],
    }));
    expect(() => loadDemoStore(released)).toThrow(
      /lumen-line-icons\/product\.json:.*"36d" or "6h"/s,
    );
    const extra = assetsWith(lumen, (p) => ({ ...p, prize: 1 }));
    expect(() => loadDemoStore(extra)).toThrow(/lumen-line-icons\/product\.json:.*prize/s);
  });

  it("names a file that is not JSON, or missing", () => {
    expect(() => loadDemoStore(assetsWith(lumen, "{ title: oops"))).toThrow(
      /demo asset \S*\/lumen-line-icons\/product\.json: not valid JSON/,
    );
    expect(() => loadDemoStore(assetsWith("store.json", null))).toThrow(
      /demo asset \S*\/store\.json: missing/,
    );
    expect(() => loadDemoStore(assetsWith("calm-palettes/description.md", null))).toThrow(
      /demo asset \S*\/calm-palettes\/description\.md: missing/,
    );
    expect(() => loadDemoStore(assetsWith("calm-palettes/versions/1.0.0", null))).toThrow(
      /demo asset \S*\/calm-palettes\/versions\/1\.0\.0: missing/,
    );
  });

  it("checks what one file says about another", () => {
    const seller = assetsWith(lumen, (p) => ({ ...p, seller: "nobody" }));
    expect(() => loadDemoStore(seller)).toThrow(/lumen-line-icons\/product\.json: .*"nobody"/);
    const category = assetsWith(lumen, (p) => ({ ...p, category: "Fonts" }));
    expect(() => loadDemoStore(category)).toThrow(/category "Fonts" is not in store\.json/);
    const title = assetsWith(lumen, (p) => ({ ...p, title: "Lumen Icons" }));
    expect(() => loadDemoStore(title)).toThrow(/"Lumen Icons" must be named its slug/);
    const twoFiles = assetsWith("calm-palettes/versions/1.0.0/extra.json", "{}\n");
    expect(() => loadDemoStore(twoFiles)).toThrow(
      /calm-palettes\/versions\/1\.0\.0: a "file" product version holds exactly one file/,
    );
  });
});

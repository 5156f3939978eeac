import { testDialects } from "@digistore/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../support/sessions";
import { startTestStore, type TestStore } from "../support/store";

const b64 = (text: string) => Buffer.from(text, "base64");
const ftyp = (brand: string) =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 0x1c]),
    Buffer.from(`ftyp${brand}`),
    Buffer.alloc(4),
    Buffer.from(`${brand}mif1miaf`),
    Buffer.alloc(64),
  ]);

const IMAGES: { name: string; bytes: Buffer; mime: string }[] = [
  {
    name: "PNG",
    mime: "image/png",
    bytes: b64(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    ),
  },
  {
    name: "GIF",
    mime: "image/gif",
    bytes: b64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"),
  },
  {
    name: "JPEG",
    mime: "image/jpeg",
    bytes: Buffer.concat([
      Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"),
      Buffer.alloc(64),
    ]),
  },
  {
    name: "WebP",
    mime: "image/webp",
    bytes: b64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="),
  },
  { name: "AVIF", mime: "image/avif", bytes: ftyp("avif") },
];

// What an attacker (or a careless seller) uploads as a "cover", with the type it claims.
const REFUSED: { name: string; bytes: Buffer; declared: string }[] = [
  {
    name: "HTML as PNG",
    bytes: Buffer.from("<!doctype html><script>alert(1)</script>"),
    declared: "image/png",
  },
  {
    name: "HTML with a BOM as JPEG",
    bytes: Buffer.from("\ufeff<html><script>alert(1)</script>"),
    declared: "image/jpeg",
  },
  {
    name: "SVG as PNG",
    bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    declared: "image/png",
  },
  {
    name: "SVG as SVG",
    bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    declared: "image/svg+xml",
  },
  { name: "script as WebP", bytes: Buffer.from("alert(document.cookie)"), declared: "image/webp" },
  {
    name: "PDF as PNG",
    bytes: Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\n"),
    declared: "image/png",
  },
  { name: "ZIP as GIF", bytes: Buffer.from("504b0304140000000000", "hex"), declared: "image/gif" },
  { name: "HEIC as AVIF", bytes: ftyp("heic"), declared: "image/avif" },
  { name: "an empty file", bytes: Buffer.alloc(0), declared: "image/png" },
  { name: "JSON as PNG", bytes: Buffer.from('{"html":"<script>"}'), declared: "image/png" },
];

describe.each(testDialects())("cover uploads are judged by their bytes (%s)", (dialect) => {
  let store: TestStore;
  let cookie: string;
  let productId: string;
  beforeAll(async () => {
    store = await startTestStore(dialect);
    const seller = await signedIn(store.testDb.db, { seller: true });
    cookie = seller.cookie;
    const created = await fetch(`${store.url}/api/trpc/seller.products.create`, {
      method: "POST",
      headers: { cookie, origin: store.url, "content-type": "application/json" },
      body: JSON.stringify({ title: "Cover test", price: 500 }),
    });
    productId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
  });
  afterAll(() => store?.stop());

  const upload = (bytes: Buffer, declared: string, fileName = "cover.png") => {
    const form = new FormData();
    form.set("cover", new Blob([new Uint8Array(bytes)], { type: declared }), fileName);
    return fetch(`${store.url}/uploads/products/${productId}/cover`, {
      method: "POST",
      headers: { cookie, origin: store.url, accept: "application/json" },
      body: form,
    });
  };
  const coverKey = async () =>
    (
      await store.testDb.db
        .selectFrom("products")
        .select("cover_key")
        .where("id", "=", productId)
        .executeTakeFirstOrThrow()
    ).cover_key;

  it.each(REFUSED)("refuses $name and keeps the cover it had", async ({ bytes, declared }) => {
    const before = await coverKey();
    const response = await upload(bytes, declared);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /PNG, JPEG, WebP, AVIF or GIF/,
    );
    expect(await coverKey()).toBe(before);
  });

  it.each(IMAGES)(
    "stores a $name and serves it as what it is, whatever was declared",
    async (image) => {
      const response = await upload(image.bytes, "text/html", "cover.html");
      expect(response.status).toBe(201);
      const { coverUrl } = (await response.json()) as { coverUrl: string };
      const served = await fetch(`${store.url}${coverUrl}`, { headers: { cookie } });
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(image.mime);
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await served.arrayBuffer())).toEqual(image.bytes);
    },
  );
});

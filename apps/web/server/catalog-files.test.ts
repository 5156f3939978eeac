import { createTestApi, type TestApi } from "@digistore/api/testing";
import { testDialects } from "@digistore/db/testing";
import { createSignedInUser } from "@digistore/domain-users/testing";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpApp } from "./http-app";
import { createLogger } from "./logger";
import { SESSION_COOKIE } from "./session-cookie";

describe.each(testDialects())("product file endpoints on %s", (dialect) => {
  let api: TestApi;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    api = await createTestApi(dialect, { maxUploadBytes: 64 * 1024 });
    const app = createHttpApp({
      services: api.services,
      web: { secureCookies: false },
      logger: createLogger("silent"),
      pages: (_req, res) => void res.status(404).end(),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  async function sellerWithProduct() {
    const seller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
    const product = await api
      .caller(seller.token)
      .seller.products.create({ title: "Widget", price: 500 });
    return { seller, product, cookie: `${SESSION_COOKIE}=${seller.token}` };
  }

  function versionForm(
    content: Buffer,
    fields: Record<string, string> = { label: "1.0.0", changelog: "First" },
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set(
      "file",
      new Blob([new Uint8Array(content)], { type: "application/zip" }),
      "widget.zip",
    );
    return form;
  }

  it("streams a version upload for the owner and answers JSON for the progress uploader", async () => {
    const { product, cookie } = await sellerWithProduct();
    const response = await fetch(`${base}/uploads/products/${product.id}/versions`, {
      method: "POST",
      headers: { cookie, accept: "application/json", origin: base },
      body: versionForm(Buffer.alloc(10_000, 7)),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      version: { label: string; fileSize: number; fileName: string };
    };
    expect(body.version).toMatchObject({
      label: "1.0.0",
      fileSize: 10_000,
      fileName: "widget.zip",
    });
  });

  it("refuses anonymous and other sellers, oversized and empty files, and changes nothing", async () => {
    const { product, cookie } = await sellerWithProduct();
    const other = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
    const post = (headers: Record<string, string>, form: FormData) =>
      fetch(`${base}/uploads/products/${product.id}/versions`, {
        method: "POST",
        headers: { accept: "application/json", origin: base, ...headers },
        body: form,
      });
    expect((await post({}, versionForm(Buffer.from("x")))).status).toBe(401);
    expect(
      (await post({ cookie: `${SESSION_COOKIE}=${other.token}` }, versionForm(Buffer.from("x"))))
        .status,
    ).toBe(404);
    const tooBig = await post({ cookie }, versionForm(Buffer.alloc(70 * 1024)));
    expect(tooBig.status).toBe(400);
    expect(((await tooBig.json()) as { error: string }).error).toBe(
      "The file is larger than the 64 KiB limit.",
    );
    const empty = await post({ cookie }, versionForm(Buffer.alloc(0)));
    expect(((await empty.json()) as { error: string }).error).toMatch(/empty|Choose a file/);
    const noLabel = await post({ cookie }, versionForm(Buffer.from("x"), { label: "" }));
    expect(noLabel.status).toBe(400);
    const { versions } = await api
      .caller(tokenOf(cookie))
      .seller.products.get({ productId: product.id });
    expect(versions).toEqual([]);
  });

  it("redirects plain HTML form posts back to the edit page with the outcome", async () => {
    const { product, cookie } = await sellerWithProduct();
    const response = await fetch(`${base}/uploads/products/${product.id}/versions`, {
      method: "POST",
      headers: { cookie, origin: base },
      body: versionForm(Buffer.alloc(0)),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(
      new RegExp(`^/seller/products/${product.id}\\?uploadError=`),
    );
  });

  it("serves covers publicly only once the product is on sale, and only images", async () => {
    const { product, cookie, seller } = await sellerWithProduct();
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const wrong = new FormData();
    wrong.set("cover", new Blob(["<svg onload=alert(1)>"], { type: "image/svg+xml" }), "x.svg");
    const refused = await fetch(`${base}/uploads/products/${product.id}/cover`, {
      method: "POST",
      headers: { cookie, accept: "application/json", origin: base },
      body: wrong,
    });
    expect(refused.status).toBe(400);

    const form = new FormData();
    form.set("cover", new Blob([new Uint8Array(png)], { type: "image/png" }), "cover.png");
    const uploaded = await fetch(`${base}/uploads/products/${product.id}/cover`, {
      method: "POST",
      headers: { cookie, accept: "application/json", origin: base },
      body: form,
    });
    const { coverUrl } = (await uploaded.json()) as { coverUrl: string };
    expect((await fetch(`${base}${coverUrl}`)).status).toBe(404);
    const own = await fetch(`${base}${coverUrl}`, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await own.arrayBuffer())).toEqual(png);

    await fetch(`${base}/uploads/products/${product.id}/versions`, {
      method: "POST",
      headers: { cookie, accept: "application/json", origin: base },
      body: versionForm(Buffer.from("file")),
    });
    await api
      .caller(seller.token)
      .seller.products.setStatus({ productId: product.id, status: "published" });
    expect((await fetch(`${base}${coverUrl}`)).status).toBe(200);
    expect((await fetch(`${base}/media/covers/${product.id}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(
      404,
    );
  });

  function tokenOf(cookie: string) {
    return cookie.split("=")[1]!;
  }
});

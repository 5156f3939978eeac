import DodoPayments from "dodopayments";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDodoEmulator, type DodoEmulator } from "./emulator";
import { API_KEY, ebook, newWebhookSecret } from "./testing/fixtures";

type Middleware = (req: IncomingMessage, res: ServerResponse) => void;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A host app: `/_dodo/*` goes to `mounted`, everything else is the app's own 404. */
async function hostApp(mounted: Middleware): Promise<string> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/_dodo")) return mounted(req, res);
    res.writeHead(404).end("host app");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function emulator(basePath?: string): DodoEmulator {
  const created = createDodoEmulator({
    apiKey: API_KEY,
    webhookSecret: newWebhookSecret(),
    ...(basePath === undefined ? {} : { basePath }),
  });
  cleanups.push(() => created.close());
  return created;
}

/** What Express's `app.use("/_dodo", handler)` does to the request before calling us. */
function expressStyle(prefix: string, handler: Middleware): Middleware {
  return (req, res) => {
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = req.url!.slice(prefix.length) || "/";
    handler(req, res);
  };
}

/** What `express.json()` does: reads the stream and leaves the parsed body on `req.body`. */
function jsonBodyParser(handler: Middleware): Middleware {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      (req as IncomingMessage & { body?: unknown }).body = text
        ? (JSON.parse(text) as unknown)
        : {};
      handler(req, res);
    });
  };
}

async function exercise(origin: string) {
  const client = new DodoPayments({ bearerToken: API_KEY, baseURL: `${origin}/_dodo` });
  const product = await ebook(client);
  const session = await client.checkoutSessions.create({
    product_cart: [{ product_id: product.product_id, quantity: 1 }],
    return_url: "https://shop.example.com/return",
  });
  expect(session.checkout_url).toBe(`${origin}/_dodo/checkout/${session.session_id}`);
  const page = await (await fetch(session.checkout_url!)).text();
  expect(page).toContain("Pixel Icons");
  expect(page).toContain(`action="/_dodo/checkout/${session.session_id}/pay"`);
  const paid = await fetch(`${session.checkout_url}/pay`, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  const paymentId = new URL(paid.headers.get("location")!).searchParams.get("payment_id")!;
  expect(await client.payments.retrieve(paymentId)).toMatchObject({ status: "succeeded" });
}

describe("mounted inside another server", () => {
  it("works with basePath when the full URL reaches the handler", async () => {
    const origin = await hostApp(emulator("/_dodo").handler);
    await exercise(origin);
  });

  it("works when the framework strips the mount prefix (Express app.use)", async () => {
    const origin = await hostApp(expressStyle("/_dodo", emulator().handler));
    await exercise(origin);
  });

  it("works with basePath and a stripped prefix together", async () => {
    const origin = await hostApp(expressStyle("/_dodo", emulator("/_dodo").handler));
    await exercise(origin);
  });

  it("uses a body a JSON parser in front already read", async () => {
    const origin = await hostApp(jsonBodyParser(expressStyle("/_dodo", emulator().handler)));
    await exercise(origin);
  });

  it("uses publicUrl for checkout_url when given", async () => {
    const mounted = createDodoEmulator({
      apiKey: API_KEY,
      webhookSecret: newWebhookSecret(),
      basePath: "/_dodo/",
      publicUrl: "https://shop.example.com/",
    });
    cleanups.push(() => mounted.close());
    const origin = await hostApp(mounted.handler);
    const client = new DodoPayments({ bearerToken: API_KEY, baseURL: `${origin}/_dodo` });
    const product = await ebook(client);
    const session = await client.checkoutSessions.create({
      product_cart: [{ product_id: product.product_id, quantity: 1 }],
    });
    expect(session.checkout_url).toBe(
      `https://shop.example.com/_dodo/checkout/${session.session_id}`,
    );
  });

  it("reports its URL only once listening, including basePath", async () => {
    const standalone = emulator("/_dodo");
    expect(() => standalone.url).toThrow(/listen/);
    const { url } = await standalone.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_dodo$/);
    expect(standalone.url).toBe(url);
    const client = new DodoPayments({ bearerToken: API_KEY, baseURL: url });
    expect((await client.products.list()).items).toEqual([]);
  });

  it("rejects a malformed webhook secret or basePath up front", () => {
    expect(() => createDodoEmulator({ apiKey: API_KEY, webhookSecret: "whsec_" })).toThrow();
    expect(() =>
      createDodoEmulator({ apiKey: API_KEY, webhookSecret: newWebhookSecret(), basePath: "_dodo" }),
    ).toThrow(/basePath/);
    expect(() => createDodoEmulator({ apiKey: "", webhookSecret: newWebhookSecret() })).toThrow(
      /apiKey/,
    );
  });
});

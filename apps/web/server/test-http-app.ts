import { createTestApi, type TestApi } from "@digistore/api/testing";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpApp } from "./http-app";
import { createLogger } from "./logger";

type Dialect = Parameters<typeof createTestApi>[0];

export interface TestHttpApp {
  readonly api: TestApi;
  /** `http://127.0.0.1:<port>` of the listening app. */
  readonly base: string;
  close(): Promise<void>;
}

/**
 * The store's HTTP app over a test API, listening on a free port: Remix pages answer 404, so
 * a test exercises the routes in front of them (files, webhooks, uploads) over real HTTP.
 */
export async function startTestHttpApp(dialect: Dialect): Promise<TestHttpApp> {
  const api = await createTestApi(dialect);
  const app = createHttpApp({
    services: api.services,
    web: { secureCookies: false },
    logger: createLogger("silent"),
    pages: (_req, res) => void res.status(404).end(),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    api,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

import { describe, expect, it } from "vitest";
import { serverOnlyModules } from "./client-bundle-guard";

describe("the client bundle guard", () => {
  it("lets the browser's own modules through", () => {
    expect(
      serverOnlyModules([
        "/work/apps/web/app/routes/checkout.return.tsx",
        "/work/apps/web/app/lib/trpc-endpoint.ts",
        "/work/packages/core/src/money.ts",
        "/work/node_modules/@trpc/client/dist/index.mjs",
        "/work/node_modules/@trpc/server/dist/unstable-core-do-not-import/http/batchStreamFormatter.mjs",
        "/work/node_modules/@tanstack/react-query/build/modern/index.js",
      ]),
    ).toEqual([]);
  });

  it("names server code that was bundled by mistake", () => {
    const ids = [
      "/work/packages/api/src/root.ts",
      "/work/packages/domain-catalog/src/description.ts",
      "/work/apps/web/server/trpc-path.ts",
      "/work/node_modules/kysely/dist/esm/index.js",
      "/work/node_modules/markdown-it/index.mjs",
      "node:crypto",
    ];
    expect(serverOnlyModules(ids)).toEqual(ids);
  });
});

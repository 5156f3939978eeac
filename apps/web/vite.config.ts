import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { clientBundleGuard } from "./client-bundle-guard";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    clientBundleGuard(),
  ],
  // Server-only native packages must not be pre-bundled for the browser or hydration breaks.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "pg"] },
  build: { target: "es2022" },
});

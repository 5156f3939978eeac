import type { Plugin } from "vite";

/**
 * Code that must never reach a browser: the API and the packages behind it (database, domain
 * verbs, mail, payments, config with its secrets), this app's Node server, and the npm packages
 * only those use. `@digistore/core` is shared on purpose (money formatting); `@trpc/client`
 * pulls a few helpers from `@trpc/server/unstable-core-do-not-import`, which is not a server.
 */
const SERVER_ONLY: readonly RegExp[] = [
  /\/packages\/(api|cli|config|db|dodo-emulator|domain-[\w-]+|mail|payments-dodo|rate-limit)\//,
  /\/apps\/web\/server\//,
  /\/apps\/web\/app\/.*\.server\//,
  /\/node_modules\/(kysely|better-sqlite3|pg|@node-rs|markdown-it|express|pino|dodopayments|nodemailer|standardwebhooks)\//,
  /\/node_modules\/@trpc\/server\/dist\/(adapters|unstable-core-do-not-import\/initTRPC)/,
  /^node:/,
];

/** The module ids in `ids` that are server-only (empty: the bundle is fit for a browser). */
export function serverOnlyModules(ids: Iterable<string>): string[] {
  return [...ids].filter((id) => SERVER_ONLY.some((pattern) => pattern.test(id)));
}

/**
 * Fails the client build when server code is bundled into it — a value import of
 * `@digistore/api` where `import type` was meant would ship the router, Kysely and the rest.
 */
export function clientBundleGuard(): Plugin {
  let ssr = false;
  return {
    name: "digistore-client-bundle-guard",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    generateBundle(_options, bundle) {
      if (ssr) return;
      const offenders = Object.values(bundle).flatMap((chunk) =>
        chunk.type === "chunk"
          ? serverOnlyModules(chunk.moduleIds).map((id) => `${chunk.fileName}: ${id}`)
          : [],
      );
      if (offenders.length) {
        this.error(`Server-only modules in the browser bundle:\n  ${offenders.join("\n  ")}`);
      }
    },
  };
}

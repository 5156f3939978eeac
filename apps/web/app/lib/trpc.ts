// Type-only: the browser bundle gets the router's shape, never its code (or the server modules
// behind it). Loaders and actions call the API in-process instead (context.api, createCaller).
import type { AppRouter } from "@digistore/api";
import { createTRPCReact, httpBatchLink } from "@trpc/react-query";
import { MAX_TRPC_BATCH, TRPC_PATH } from "./trpc-endpoint";

/** The typed tRPC hooks for interactive parts of a page (polling, previews). */
export const trpc = createTRPCReact<AppRouter>();

/**
 * Same-origin and relative, so the browser sends the session cookie and its own `Origin`, which
 * the server requires of mutations; POST bodies are JSON, the only type it accepts. `maxItems`
 * (tRPC's client name for the server's `maxBatchSize`) splits bigger batches, which it refuses.
 */
export function createBrowserClient() {
  return trpc.createClient({
    links: [httpBatchLink({ url: TRPC_PATH, maxItems: MAX_TRPC_BATCH })],
  });
}

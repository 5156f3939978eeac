/** Where `store-verify-only.ts` mounts its endpoint (the store's webhook path, under /bench). */
export const VERIFY_ONLY_PATH = "/bench/webhooks/dodo";

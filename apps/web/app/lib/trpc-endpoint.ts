// Shared by the server (which mounts and limits the endpoint) and the browser client (which
// calls it), so the two cannot drift apart. Plain constants: safe in the client bundle.

export const TRPC_PATH = "/api/trpc";

/** More calls than any page makes at once; a bigger batch is a request to do work for free. */
export const MAX_TRPC_BATCH = 16;

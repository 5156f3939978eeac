import type { Server } from "node:http";

/** A client gets this long to send its request line and headers. */
const HEADERS_TIMEOUT_MS = 10_000;
/** …and this long of silence on the socket mid-body (a 2 GiB upload keeps sending). */
const IDLE_SOCKET_TIMEOUT_MS = 30_000;
/** The whole request, body included: long enough for a large upload on a slow line. */
const REQUEST_TIMEOUT_MS = 60 * 60_000;

/**
 * Slow half-sent requests hold a socket each; with Node's defaults (a minute for headers) a
 * few hundred of them starve the store. Headers must arrive in seconds, a body must keep
 * moving, and keep-alive connections are not kept for long.
 */
export function applyRequestLimits(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = 5_000;
  server.setTimeout(IDLE_SOCKET_TIMEOUT_MS, (socket) => socket.destroy());
  // Check timeouts every second rather than every 30 s, so the limits above are what they say.
  (server as Server & { connectionsCheckingInterval?: number }).connectionsCheckingInterval = 1000;
}

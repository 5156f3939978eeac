import { appRouter, checkHealth, retryAfterOf, type AppServices } from "@digistore/api";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import compression from "compression";
import express, { type RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "./logger";
import type { TrustProxy } from "@digistore/config";
import { asyncHandler } from "./async-handler";
import { canonicalRequest } from "./canonical-request";
import { catalogFileRoutes } from "./catalog-files";
import { licenseApiRoutes } from "./license-api-routes";
import { linkFileRoutes } from "./link-files";
import { sellerFileRoutes } from "./seller-files";
import { bypassKeyHandler, maintenanceGate } from "./maintenance-gate";
import { shortLinkFastRoute, shortLinkRoutes } from "./short-link-routes";
import { frontDoor } from "./front-door";
import { createServer, type RequestListener, type Server } from "node:http";
import { paymentRoutes } from "./payment-routes";
import { requestIdFor } from "./request-id";
import { contextForRequest, type WebOptions } from "./request-context";
import { sameOriginGuard } from "./same-origin";
import { securityHeaders, redirectSecurityHeaders } from "./security-headers";
import { readSessionToken } from "./session-cookie";
import { TRPC_PATH, trpcRequestGuard, MAX_TRPC_BATCH } from "./trpc-path";

export interface HttpAppOptions {
  readonly services: AppServices;
  readonly web: WebOptions;
  readonly logger: Logger;
  /** Renders every path the server does not handle itself (Remix). */
  readonly pages: RequestHandler;
  readonly storeName?: string;
  /** Services that live at a path of their own, ahead of maintenance mode (the Dodo emulator). */
  readonly mounts?: readonly { readonly path: string; readonly handler: RequestHandler }[];
  /** Extra middleware ahead of Remix (Vite dev middleware or static assets). */
  readonly assets?: RequestHandler[];
  /** Which proxies may set X-Forwarded-*; false: none (the socket address is the client's). */
  readonly trustProxy?: TrustProxy;
  /** Content-Security-Policy with nonces (off under Vite's dev server). */
  readonly contentSecurityPolicy?: boolean;
}

/**
 * The one HTTP server: the front door answers hot redirects on bare node:http; behind it,
 * fixed endpoints that need speed or raw bodies are mounted ahead of Remix, which renders
 * everything else.
 */
export function createHttpApp({
  services,
  web,
  logger,
  pages,
  assets = [],
  storeName = "DigiStore",
  mounts = [],
  trustProxy = false,
  contentSecurityPolicy = true,
}: HttpAppOptions): HttpApp {
  const app = express();
  app.disable("x-powered-by");
  // Explicit only: trusting loopback by default let any local client pick its own address.
  app.set("trust proxy", trustProxy);
  // One spelling per route: `/API/TRPC` is not `/api/trpc` (the gate and routers agree).
  app.set("case sensitive routing", true);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdFor(req);
        res.setHeader("x-request-id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" },
      // One line per request with what an operator needs; full headers would leak and bloat.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    }),
  );

  app.use(canonicalRequest());
  app.use(securityHeaders({ https: web.secureCookies, contentSecurityPolicy }));
  app.use((req, res, next) => {
    // Anything answered to a signed-in browser is theirs alone: no shared or disk caches.
    if (readSessionToken(req) !== undefined) res.set("cache-control", "private, no-store");
    next();
  });

  app.get(
    "/healthz",
    asyncHandler(async (_req, res) => {
      const health = await checkHealth(services);
      res
        .status(health.ok ? 200 : 503)
        .set("cache-control", "no-store")
        .json({ status: health.ok ? "ok" : "degraded", db: health.db });
    }),
  );

  for (const mount of mounts) app.use(mount.path, mount.handler);
  app.use(licenseApiRoutes(services));
  app.use(sameOriginGuard(services.publicUrl));
  app.use(paymentRoutes(services, web, logger, storeName));
  app.use(shortLinkRoutes(services, web, storeName, trustProxy));
  app.use(bypassKeyHandler(services, web, storeName));
  app.use(maintenanceGate(services, web, storeName));

  app.use(TRPC_PATH, trpcRequestGuard());
  app.use(
    TRPC_PATH,
    createExpressMiddleware({
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH,
      createContext: ({ req, res }) => contextForRequest(services, web, req, res),
      responseMeta: ({ errors }) => {
        const retryAfter = errors.map(retryAfterOf).find((s) => s !== undefined);
        return retryAfter === undefined ? {} : { headers: { "retry-after": String(retryAfter) } };
      },
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error({ err: error, path }, "trpc error");
      },
    }),
  );

  app.use(catalogFileRoutes(services, web, logger));
  app.use(linkFileRoutes(services, web, storeName));
  app.use(sellerFileRoutes(services, web, storeName));

  app.use(compression());
  for (const handler of assets) app.use(handler);
  app.all("*", pages);

  const listener = frontDoor({
    routes: [shortLinkFastRoute(services, web, trustProxy)],
    fallback: app,
    headers: redirectSecurityHeaders({ https: web.secureCookies }),
    logger,
  });
  return Object.assign(listener, {
    listen: (port: number, host: string, onListening?: () => void): Server =>
      createServer(listener).listen(port, host, onListening),
  });
}

/** The server's request listener, and `listen` as Express's app has it. */
export type HttpApp = RequestListener & {
  listen(port: number, host: string, onListening?: () => void): Server;
};

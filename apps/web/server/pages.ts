import { createCaller, type AppServices } from "@digistore/api";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Request, type RequestHandler, type Response } from "express";
import { fileURLToPath } from "node:url";
import type { DigiStoreLoadContext } from "../load-context";
import { asyncHandler } from "./async-handler";
import { contextForRequest, type WebOptions } from "./request-context";
import { cspNonceOf } from "./security-headers";

const webRoot = fileURLToPath(new URL("..", import.meta.url));
const serverBuildPath = fileURLToPath(new URL("../build/server/index.js", import.meta.url));
const clientBuildDir = fileURLToPath(new URL("../build/client", import.meta.url));

export interface Pages {
  readonly pages: RequestHandler;
  readonly assets: RequestHandler[];
  close(): Promise<void>;
}

function loadContextFor(services: AppServices, web: WebOptions, extras: PageExtras) {
  return async (req: Request, res: Response): Promise<DigiStoreLoadContext> => {
    const ctx = await contextForRequest(services, web, req, res);
    return {
      api: createCaller(ctx),
      requestId: ctx.requestId,
      user: ctx.user,
      cspNonce: cspNonceOf(res),
      ...extras,
    };
  };
}

/**
 * Production serves the prebuilt bundle with long-cached hashed assets; development runs Vite in
 * middleware mode for HMR. Both hand loaders the same in-process API caller.
 */
/** Things pages need beyond the API: where dev mail is kept (null when real SMTP is used). */
export interface PageExtras {
  readonly devMailDir: string | null;
  readonly storeName: string;
  readonly maxUploadBytes: number;
  readonly publicUrl: string;
}

export async function createPages(
  mode: "production" | "development",
  services: AppServices,
  web: WebOptions,
  extras: PageExtras,
): Promise<Pages> {
  const getLoadContext = loadContextFor(services, web, extras);
  if (mode === "production") {
    const build = (await import(serverBuildPath)) as ServerBuild;
    return {
      pages: asyncHandler(createRequestHandler({ build, mode, getLoadContext })),
      assets: [
        express.static(`${clientBuildDir}/assets`, { immutable: true, maxAge: "1y", index: false }),
        express.static(clientBuildDir, { maxAge: "1h", index: false }),
      ],
      close: () => Promise.resolve(),
    };
  }
  const vite = await import("vite").then((v) =>
    v.createServer({ root: webRoot, server: { middlewareMode: true } }),
  );
  return {
    pages: asyncHandler(
      createRequestHandler({
        build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
        mode,
        getLoadContext,
      }),
    ),
    assets: [vite.middlewares],
    close: () => vite.close(),
  };
}

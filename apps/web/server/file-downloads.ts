import { httpStatusOf, type AppServices, type Context, type StoreFile } from "@digistore/api";
import { isDomainError } from "@digistore/core";
import type { Request, Response } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { asyncHandler } from "./async-handler";
import { messagePage } from "./message-page";
import { contextForRequest, type WebOptions } from "./request-context";

/** A download for the signed-in person alone: never kept by any cache. */
async function sendFile(res: Response, file: StoreFile): Promise<void> {
  res.status(200).attachment(file.filename).set({
    "content-type": file.contentType,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  if (file.body instanceof Readable) await pipeline(file.body, res);
  else res.send(file.body);
}

/**
 * An Express handler that answers `make`'s file, or — when the verbs refuse (who asks, bad
 * input) — the refusal's status with a short page that says why.
 */
export function fileDownload(
  services: AppServices,
  web: WebOptions,
  storeName: string,
  titles: Readonly<Record<number, string>>,
  make: (ctx: Context, req: Request) => Promise<StoreFile>,
) {
  return asyncHandler(async (req, res) => {
    const ctx = await contextForRequest(services, web, req, res);
    let file: StoreFile;
    try {
      file = await make(ctx, req);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const status = httpStatusOf(error);
      res
        .status(status)
        .set("cache-control", "private, no-store")
        .type("html")
        .send(
          messagePage(storeName, {
            title: titles[status] ?? "Not available",
            message: error.message,
            link: { href: "/", label: "Go to the store" },
          }),
        );
      return;
    }
    await sendFile(res, file);
  });
}

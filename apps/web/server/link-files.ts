import {
  httpStatusOf,
  linkAnalyticsCsvFor,
  linkQrCodeFor,
  type AppServices,
  type Context,
  type LinkFile,
} from "@digistore/api";
import { isDomainError } from "@digistore/core";
import express, { type Request, type Response } from "express";
import { asyncHandler } from "./async-handler";
import { messagePage } from "./message-page";
import { contextForRequest, type WebOptions } from "./request-context";

const TITLES: Record<number, string> = {
  400: "Check the dates",
  401: "Sign in first",
  404: "Link not found",
};

/** A download for the signed-in owner (or staff) alone: never kept by any cache. */
function sendFile(res: Response, file: LinkFile): void {
  res
    .status(200)
    .attachment(file.filename)
    .set({
      "content-type": file.contentType,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    })
    .send(file.body);
}

/**
 * `GET /links/:id/analytics.csv?from&to&timezone`, `/links/:id/qr.svg` and `/links/:id/qr.png`.
 * The api functions check who asks, through the verbs: another person's link answers 404,
 * exactly like a link that does not exist.
 */
export function linkFileRoutes(services: AppServices, web: WebOptions, storeName: string) {
  const router = express.Router({ caseSensitive: true, strict: false });

  const serve = (make: (ctx: Context, req: Request) => Promise<LinkFile>) =>
    asyncHandler(async (req, res) => {
      const ctx = await contextForRequest(services, web, req, res);
      try {
        sendFile(res, await make(ctx, req));
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const status = httpStatusOf(error);
        res
          .status(status)
          .set("cache-control", "private, no-store")
          .type("html")
          .send(
            messagePage(storeName, {
              title: TITLES[status] ?? "Not available",
              message: error.message,
              link: { href: "/", label: "Go to the store" },
            }),
          );
      }
    });

  router.get(
    "/links/:id/analytics.csv",
    serve((ctx, req) =>
      linkAnalyticsCsvFor(ctx, {
        linkId: req.params.id,
        from: req.query.from,
        to: req.query.to,
        timezone: req.query.timezone,
      }),
    ),
  );
  for (const format of ["svg", "png"] as const) {
    router.get(
      `/links/:id/qr.${format}`,
      serve((ctx, req) => linkQrCodeFor(ctx, { linkId: req.params.id!, format })),
    );
  }
  return router;
}

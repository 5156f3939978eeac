import {
  linkAnalyticsCsvFor,
  linkQrCodeFor,
  type AppServices,
  type Context,
  type StoreFile,
} from "@digistore/api";
import express, { type Request } from "express";
import { fileDownload } from "./file-downloads";
import type { WebOptions } from "./request-context";

const TITLES: Record<number, string> = {
  400: "Check the dates",
  401: "Sign in first",
  404: "Link not found",
};

/**
 * `GET /links/:id/analytics.csv?from&to&timezone`, `/links/:id/qr.svg` and `/links/:id/qr.png`.
 * The api functions check who asks, through the verbs: another person's link answers 404,
 * exactly like a link that does not exist.
 */
export function linkFileRoutes(services: AppServices, web: WebOptions, storeName: string) {
  const router = express.Router({ caseSensitive: true, strict: false });

  const serve = (make: (ctx: Context, req: Request) => Promise<StoreFile>) =>
    fileDownload(services, web, storeName, TITLES, make);

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

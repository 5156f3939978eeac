import { receivePaymentWebhook, serveDownload, type AppServices } from "@digistore/api";
import express, { type Request } from "express";
import { asyncHandler } from "./async-handler";
import { parseRange } from "./http-range";
import type { Logger } from "./logger";
import { messagePage } from "./message-page";
import { contextForRequest, type WebOptions } from "./request-context";

/** The signature covers the exact bytes: no JSON parser may touch them first. */
export const rawWebhookBody = express.raw({ type: () => true, limit: "1mb" });

/** What a Standard Webhooks verifier needs from a request read by `rawWebhookBody`. */
export function signedWebhook(req: Request): {
  raw: string;
  headers: Record<string, string | undefined>;
} {
  return {
    raw: Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "",
    headers: Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => [h, req.get(h)]),
    ),
  };
}

/** Webhooks (raw body, before anything parses it) and file downloads, ahead of Remix. */
export function paymentRoutes(
  services: AppServices,
  web: WebOptions,
  logger: Logger,
  storeName: string,
) {
  const router = express.Router();

  router.post(
    "/webhooks/dodo",
    rawWebhookBody,
    asyncHandler(async (req, res) => {
      const { raw, headers } = signedWebhook(req);
      const answer = await receivePaymentWebhook(services, raw, headers);
      if (answer.status >= 400)
        logger.warn(
          { status: answer.status, error: answer.body.error, problem: answer.problem },
          "webhook refused",
        );
      else if (answer.problem)
        logger.warn({ problem: answer.problem }, "webhook stored, not applied");
      res.status(answer.status).json(answer.body);
    }),
  );

  router.get(
    "/download/:token",
    asyncHandler(async (req, res) => {
      const ctx = await contextForRequest(services, web, req, res);
      const result = await serveDownload(ctx, req.params.token!, {
        range: (size) => parseRange(req.get("range"), size),
        ip: req.ip,
        userAgent: req.get("user-agent"),
      });
      res.set("cache-control", "private, no-store");
      if (!result.ok) {
        res
          .status(result.status)
          .type("html")
          .send(
            messagePage(storeName, {
              title: result.status === 410 ? "This link has expired" : "Download not available",
              message: result.message,
              link: { href: "/library", label: "Go to My Products" },
            }),
          );
        return;
      }
      const fileName = encodeURIComponent(result.fileName);
      res.set({
        "content-type": result.contentType || "application/octet-stream",
        "content-disposition": `attachment; filename="${result.fileName.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${fileName}`,
        "accept-ranges": "bytes",
        etag: `"${result.sha256}"`,
        "x-content-type-options": "nosniff",
      });
      if (result.range) {
        res.status(206).set({
          "content-range": `bytes ${result.range.start}-${result.range.end}/${result.size}`,
          "content-length": String(result.range.end - result.range.start + 1),
        });
      } else {
        res.status(200).set("content-length", String(result.size));
      }
      result.body.on("error", (error) => {
        logger.error({ err: error }, "download stream failed");
        res.destroy(error);
      });
      result.body.pipe(res);
    }),
  );

  return router;
}

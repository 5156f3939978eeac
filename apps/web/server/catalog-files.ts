import {
  httpStatusOf,
  readProductCover,
  uploadProductCover,
  uploadProductVersion,
  type AppServices,
} from "@digistore/api";
import { isDomainError, ValidationError } from "@digistore/core";
import express, { type Request, type Response } from "express";
import { asyncHandler } from "./async-handler";
import type { Logger } from "./logger";
import { receiveUpload, UploadRequestError } from "./multipart-upload";
import { contextForRequest, type WebOptions } from "./request-context";

const editPage = (productId: string) => `/seller/products/${encodeURIComponent(productId)}`;

function wantsJson(req: Request): boolean {
  return (req.get("accept") ?? "").includes("application/json");
}

/** JSON for the progress-bar uploader, a redirect with a message for plain HTML forms. */
interface Outcome {
  readonly status: number;
  readonly body: { message?: string; error?: string } & Record<string, unknown>;
}

function answer(req: Request, res: Response, productId: string, outcome: Outcome) {
  if (wantsJson(req)) {
    res.status(outcome.status).json(outcome.body);
    return;
  }
  const key = outcome.status < 300 ? "uploaded" : "uploadError";
  const message = outcome.body.message ?? outcome.body.error ?? "";
  res.redirect(303, `${editPage(productId)}?${key}=${encodeURIComponent(message)}`);
}

function failure(error: unknown, logger: Logger): Outcome {
  if (error instanceof UploadRequestError)
    return { status: error.status, body: { error: error.message } };
  if (isDomainError(error)) {
    const fieldErrors = error instanceof ValidationError ? error.fieldErrors : {};
    return { status: httpStatusOf(error), body: { error: error.message, fieldErrors } };
  }
  logger.error({ err: error }, "upload failed");
  return { status: 500, body: { error: "The upload failed on our side. Please try again." } };
}

/**
 * Streaming endpoints that cannot be tRPC calls: version and cover uploads, and cover images.
 * Authorization happens in the api functions they call, with the request's own session.
 */
export function catalogFileRoutes(services: AppServices, web: WebOptions, logger: Logger) {
  const router = express.Router();

  router.post(
    "/uploads/products/:productId/versions",
    asyncHandler(async (req, res) => {
      const productId = req.params.productId!;
      const declared = Number(req.get("content-length") ?? 0);
      // Refuse an oversized upload from its header, before reading gigabytes we would discard.
      if (declared > services.catalogLimits.maxUploadBytes + 1024 * 1024) {
        const error = new ValidationError("The file is larger than the upload limit.");
        res.set("connection", "close");
        answer(req, res, productId, { status: 413, body: { error: error.message } });
        return;
      }
      try {
        const ctx = await contextForRequest(services, web, req, res);
        const version = await receiveUpload(req, "file", (fields, file) =>
          uploadProductVersion(
            ctx,
            {
              productId,
              label: fields.label ?? "",
              changelog: fields.changelog ?? "",
              fileName: file.fileName,
              contentType: file.contentType,
            },
            file.body,
          ),
        );
        answer(req, res, productId, {
          status: 201,
          body: { version, message: `Version ${version.label} is live.` },
        });
      } catch (error) {
        res.set("connection", "close");
        answer(req, res, productId, failure(error, logger));
      }
    }),
  );

  router.post(
    "/uploads/products/:productId/cover",
    asyncHandler(async (req, res) => {
      const productId = req.params.productId!;
      try {
        const ctx = await contextForRequest(services, web, req, res);
        const cover = await receiveUpload(req, "cover", (_fields, file) =>
          uploadProductCover(ctx, { productId, contentType: file.contentType }, file.body),
        );
        answer(req, res, productId, { status: 201, body: { ...cover, message: "Cover updated." } });
      } catch (error) {
        res.set("connection", "close");
        answer(req, res, productId, failure(error, logger));
      }
    }),
  );

  router.get(
    "/media/covers/:productId/:fileName",
    asyncHandler(async (req, res) => {
      const ctx = await contextForRequest(services, web, req, res);
      const cover = await readProductCover(ctx, req.params.productId!, req.params.fileName!);
      if (!cover) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      res.set({
        "content-type": cover.contentType,
        "content-length": String(cover.size),
        // The file name changes with every new cover, so the bytes behind a URL never do.
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      });
      cover.body.pipe(res);
    }),
  );

  return router;
}

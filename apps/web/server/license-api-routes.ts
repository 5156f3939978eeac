import {
  answerLicenseApi,
  LICENSE_API_OPERATIONS,
  licenseApiDocument,
  type AppServices,
  type LicenseApiOperation,
} from "@digistore/api";
import express, { type ErrorRequestHandler, type Response } from "express";
import { asyncHandler } from "./async-handler";

const PREFIX = "/api/v1";
const OPERATIONS: ReadonlySet<string> = new Set(LICENSE_API_OPERATIONS);

function problem(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

/**
 * The public licence API for sellers' software, ahead of the same-origin guard and the
 * maintenance gate: its callers are apps, not our pages, and it reads no cookie, so any origin
 * may call it (CORS without credentials) and no session can be ridden through it.
 */
export function licenseApiRoutes(services: AppServices) {
  const router = express.Router({ caseSensitive: true, strict: true });
  const document = licenseApiDocument(services.publicUrl);

  router.use(PREFIX, (_req, res, next) => {
    res.set({
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "content-type",
      "access-control-allow-methods": "POST, OPTIONS",
      "cache-control": "no-store",
    });
    next();
  });

  router.get(`${PREFIX}/openapi.json`, (_req, res) => {
    res.set("cache-control", "public, max-age=300").json(document);
  });

  router.options(`${PREFIX}/licenses/:operation`, (_req, res) => {
    res.status(204).end();
  });

  router.post(
    `${PREFIX}/licenses/:operation`,
    (req, res, next) => {
      if (!OPERATIONS.has(req.params.operation!)) {
        problem(res, 404, "NOT_FOUND", "Unknown licence operation.");
        return;
      }
      if (!req.is("application/json")) {
        problem(res, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the call as application/json.");
        return;
      }
      next();
    },
    express.json({ limit: "8kb", strict: true, type: "application/json" }),
    asyncHandler(async (req, res) => {
      const operation = req.params.operation as LicenseApiOperation;
      const answer = await answerLicenseApi(services, operation, req.body, req.ip);
      if (answer.retryAfterSeconds !== undefined) {
        res.set("retry-after", String(answer.retryAfterSeconds));
      }
      res.status(answer.status).json(answer.body);
    }),
  );

  router.all(`${PREFIX}/licenses/:operation`, (_req, res) => {
    res.set("allow", "POST, OPTIONS");
    problem(res, 405, "METHOD_NOT_ALLOWED", "Licence calls are POST requests.");
  });

  // A body that is not JSON, or too big, is the caller's mistake: say so in the API's shape.
  const bodyErrors: ErrorRequestHandler = (
    error: { status?: number; type?: string },
    req,
    res,
    next,
  ) => {
    if (!req.path.startsWith(`${PREFIX}/`) || !error.status || error.status >= 500)
      return next(error);
    const tooLarge = error.type === "entity.too.large";
    problem(
      res,
      tooLarge ? 413 : 400,
      tooLarge ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST",
      tooLarge ? "The body is too large." : "The body is not valid JSON.",
    );
  };
  router.use(bodyErrors);
  return router;
}

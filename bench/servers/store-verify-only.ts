import { loadServerConfig } from "@digistore/config";
import express, { type RequestHandler } from "express";
import { asyncHandler } from "@digistore/web/server/async-handler";
import { createHttpApp } from "@digistore/web/server/http-app";
import { createLogger } from "@digistore/web/server/logger";
import { rawWebhookBody, signedWebhook } from "@digistore/web/server/payment-routes";
import { createAppServices } from "@digistore/api";
import { VERIFY_ONLY_PATH } from "./verify-only-path";

/**
 * The webhook baseline inside the store: the same boot, services, request logging, routing,
 * raw-body reading and payment adapter as the real server, plus one endpoint that only
 * verifies the signature (and parses the event, as verifying does) and answers 200. What
 * the real `/webhooks/dodo` costs beyond this is what ingesting an event costs.
 */
const config = loadServerConfig(process.env);
const logger = createLogger(config.LOG_LEVEL);
const running = await createAppServices(config, { logger });
running.startBackgroundWork();
const { services } = running;

const MOUNT = "/bench";
const verifyOnly = express.Router().post(
  VERIFY_ONLY_PATH.slice(MOUNT.length),
  rawWebhookBody,
  asyncHandler(async (req, res) => {
    const { raw, headers } = signedWebhook(req);
    try {
      await services.payments.verifyAndParse(raw, headers);
      res.status(200).json({ received: true, outcome: "verified" });
    } catch {
      res.status(401).json({ error: "invalid signature" });
    }
  }),
);
const notFound: RequestHandler = (_req, res) => void res.status(404).end();

const app = createHttpApp({
  services,
  web: { secureCookies: false },
  logger,
  pages: notFound,
  mounts: [{ path: MOUNT, handler: verifyOnly }],
});
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () =>
  server.close(() => void running.close().finally(() => process.exit(0))),
);

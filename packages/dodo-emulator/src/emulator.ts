import { systemClock, type Clock } from "@digistore/core";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createControl, type DodoEmulatorControl } from "./control";
import { apiRoutes } from "./http/api-routes";
import { checkoutPageRoutes } from "./http/checkout-page-routes";
import { controlRoutes } from "./http/control-routes";
import { createRequestHandler, type NodeRequestListener } from "./http/handler";
import { dodoId } from "./ids";
import { createState, type EmulatorContext } from "./state";
import { createWebhookDispatcher } from "./webhooks/dispatcher";

/** Dodo's webhook retry schedule (delay before each attempt): now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
const DODO_RETRY_SCHEDULE_MS: readonly number[] = [
  0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];

/** The default: Dodo's schedule compressed 1000× (0, 5, 300, 1800, … ms). */
const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = DODO_RETRY_SCHEDULE_MS.map((ms) => ms / 1000);

export interface DodoEmulatorOptions {
  /** The Bearer token clients must send (`new DodoPayments({ bearerToken })`). */
  readonly apiKey: string;
  /** `whsec_` + base64: the key webhooks are signed with (`DODO_PAYMENTS_WEBHOOK_KEY`). */
  readonly webhookSecret: string;
  /** Where events are POSTed; also settable later with `setWebhookUrl`. */
  readonly webhookUrl?: string;
  /** Mount prefix such as `/_dodo` (default `""`). Requests may arrive with or without it. */
  readonly basePath?: string;
  /** Origin for `checkout_url`; default: the listening address, else the request's Host. */
  readonly publicUrl?: string;
  /** Timestamps on objects and events and the webhook-timestamp header. */
  readonly clock?: Clock;
  /** Delay before each delivery attempt; default `DEFAULT_RETRY_SCHEDULE_MS`. */
  readonly retryScheduleMs?: readonly number[];
  /** `business_id` on every object and event; default a random `bus_…`. */
  readonly businessId?: string;
}

export interface DodoEmulator {
  /** A `node:http` request listener; mount it with `app.use("/_dodo", emulator.handler)`. */
  readonly handler: NodeRequestListener;
  /** Starts a server of its own; resolves with the base URL to give the SDK as `baseURL`. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** Stops webhook deliveries and retries, and the server if `listen` started one. */
  close(): Promise<void>;
  /** The base URL (origin + basePath) once listening; throws before `listen`. */
  readonly url: string;
  readonly businessId: string;
  setWebhookUrl(url: string | undefined): void;
  readonly control: DodoEmulatorControl;
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, "");
  if (trimmed !== "" && !trimmed.startsWith("/")) {
    throw new TypeError(`basePath must start with "/", got ${basePath}`);
  }
  return trimmed;
}

function normalizeOrigin(publicUrl: string): string {
  const { protocol } = new URL(publicUrl);
  if (protocol !== "http:" && protocol !== "https:") {
    throw new TypeError(`publicUrl must be an http(s) URL, got ${protocol}`);
  }
  return publicUrl.replace(/\/+$/, "");
}

function hostForUrl(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function requestOrigin(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return `${proto === "https" ? "https" : "http"}://${req.headers.host ?? "localhost"}`;
}

/**
 * A local stand-in for Dodo Payments: the REST endpoints the store uses, a hosted checkout
 * page, and Standard-Webhooks-signed events with Dodo's retry behaviour. State is in memory.
 */
export function createDodoEmulator(options: DodoEmulatorOptions): DodoEmulator {
  if (!options.apiKey) throw new TypeError("apiKey is required");
  const basePath = normalizeBasePath(options.basePath ?? "");
  const publicOrigin = options.publicUrl ? normalizeOrigin(options.publicUrl) : undefined;
  const businessId = options.businessId ?? dodoId("bus");
  const clock = options.clock ?? systemClock;
  const webhooks = createWebhookDispatcher({
    secret: options.webhookSecret,
    url: options.webhookUrl,
    clock,
    businessId,
    retryScheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
  });
  const ctx: EmulatorContext = { state: createState(), clock, businessId, webhooks };

  let server: Server | undefined;
  let listeningOrigin: string | undefined;

  const handler = createRequestHandler({
    routes: [...apiRoutes(ctx), ...checkoutPageRoutes(ctx), ...controlRoutes(ctx)],
    apiKey: options.apiKey,
    basePath,
    origin: (req) => publicOrigin ?? listeningOrigin ?? requestOrigin(req),
  });

  return {
    handler,
    async listen(port = 0, host = "127.0.0.1") {
      if (server) throw new Error("The emulator is already listening");
      const started = createServer(handler);
      await new Promise<void>((resolve, reject) => {
        started.once("error", reject);
        started.listen(port, host, () => {
          started.off("error", reject);
          resolve();
        });
      });
      server = started;
      const { port: actualPort } = started.address() as AddressInfo;
      listeningOrigin = `http://${hostForUrl(host)}:${actualPort}`;
      return { url: `${listeningOrigin}${basePath}` };
    },
    async close() {
      await webhooks.close();
      const running = server;
      server = undefined;
      listeningOrigin = undefined;
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeAllConnections();
        });
      }
    },
    get url() {
      if (listeningOrigin === undefined) {
        throw new Error("The emulator is not listening: call listen() first, or use handler");
      }
      return `${listeningOrigin}${basePath}`;
    },
    businessId,
    setWebhookUrl: (url) => webhooks.setUrl(url),
    control: createControl(ctx),
  };
}

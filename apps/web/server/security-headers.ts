import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet, { type HelmetOptions } from "helmet";

export interface SecurityHeaderOptions {
  /** Strict-Transport-Security only makes sense (and is only honoured) over https. */
  readonly https: boolean;
  /** Vite's dev server injects inline scripts and a websocket: no CSP in development. */
  readonly contentSecurityPolicy: boolean;
}

/** The per-response nonce that Remix's inline scripts carry (entry.server reads it). */
export function cspNonceOf(res: Response): string {
  return String(res.locals.cspNonce ?? "");
}

/**
 * Headers a trusted store sends on every response: a CSP that runs only our own scripts and
 * the inline ones Remix emits with this response's nonce, no framing, no MIME sniffing, a
 * referrer that does not leak paths to other sites, and HSTS over https.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const headers = helmet(helmetOptions(options));
  return [nonce, headers];
}

function helmetOptions(options: SecurityHeaderOptions): HelmetOptions {
  return {
    contentSecurityPolicy: options.contentSecurityPolicy
      ? {
          useDefaults: false,
          directives: {
            "default-src": ["'self'"],
            "script-src": ["'self'", (_req, res) => `'nonce-${cspNonceOf(res as Response)}'`],
            // React's style={{…}} and the server-rendered message pages set inline styles.
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:"],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            // The hosted checkout is the provider's page: forms post here and redirect there.
            "form-action": ["'self'", "https:"],
            "frame-ancestors": ["'none'"],
            "base-uri": ["'none'"],
            "object-src": ["'none'"],
            ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
          },
        }
      : false,
    strictTransportSecurity: options.https ? { maxAge: 31536000, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xContentTypeOptions: true,
    crossOriginEmbedderPolicy: false,
    // Covers are shown by other sites that link a product (Open Graph previews).
    crossOriginResourcePolicy: { policy: "same-site" },
  };
}

/** What still means something on a bodiless redirect: no document is rendered from it. */
const REDIRECT_HEADERS = ["referrer-policy", "strict-transport-security"];

/**
 * The security headers of a redirect served ahead of Express, taken from the same helmet
 * settings: the referrer policy (it governs what the next hop is told) and HSTS. Framing,
 * sniffing and CSP rules govern documents, and each header costs every click.
 */
export function redirectSecurityHeaders(
  options: Pick<SecurityHeaderOptions, "https">,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => {
      const key = name.toLowerCase();
      if (REDIRECT_HEADERS.includes(key)) headers[key] = String(value);
    },
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  helmet(helmetOptions({ ...options, contentSecurityPolicy: false }))(
    {} as IncomingMessage,
    res,
    () => undefined,
  );
  return headers;
}

import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "./logger";
import { requestIdFor } from "./request-id";

/** What a fast route answers: a status and headers, no body (a redirect). */
export interface FastAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A hot path served on bare node:http ahead of Express. It answers what it can (a redirect)
 * and hands everything else — pages, errors, odd spellings — to the full stack by returning
 * null, so no answer that needs a page, a CSP or a session is ever written twice.
 */
export interface FastRoute {
  /**
   * Whether this route takes the request. Only for paths in their canonical spelling
   * (`canonicalPath(path) === path`): match a shape that cannot be spelled two ways (no `%`,
   * no dot segment, no doubled slash), so the check costs nothing per request.
   */
  readonly matches: (method: string, path: string) => boolean;
  readonly answer: (req: IncomingMessage, path: string) => Promise<FastAnswer | null>;
}

export interface FrontDoorOptions {
  readonly routes: readonly FastRoute[];
  /** The full stack (Express): every request no fast route answers. */
  readonly fallback: RequestListener;
  /** Sent with every fast answer: the security headers that apply to a bodiless redirect. */
  readonly headers: Readonly<Record<string, string>>;
  readonly logger: Logger;
}

/**
 * The server's request listener. Express costs a few hundred microseconds per request before
 * any work; a campaign link's redirect is a cache lookup and a queued click, so it is served
 * here. Only a path already in its canonical spelling is taken (see FastRoute.matches): any
 * other goes to Express, whose front door redirects or refuses it exactly as before.
 */
export function frontDoor({
  routes,
  fallback,
  headers,
  logger,
}: FrontDoorOptions): RequestListener {
  const logs = logger.isLevelEnabled("info");
  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query === -1 ? url : url.slice(0, query);
    const method = req.method ?? "GET";
    const route = routes.find((candidate) => candidate.matches(method, path));
    if (!route) {
      fallback(req, res);
      return;
    }
    void answerFast(route, path, req, res);
  };

  async function answerFast(
    route: FastRoute,
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const started = logs ? performance.now() : 0;
    let answer: FastAnswer | null;
    try {
      answer = await route.answer(req, path);
    } catch (error) {
      logger.error({ err: error, req: { method: req.method, url: req.url } }, "fast route failed");
      res.writeHead(500, { ...headers, "content-type": "text/plain; charset=utf-8" });
      res.end("Something went wrong on our side. Please try again.");
      return;
    }
    if (!answer) {
      fallback(req, res);
      return;
    }
    write(res, answer, headers);
    if (logs) {
      logger.info(
        {
          req: { id: requestIdFor(req), method: req.method, url: req.url },
          res: { statusCode: answer.status },
          responseTime: Math.round(performance.now() - started),
        },
        "request completed",
      );
    }
  }
}

/** No x-request-id: a redirect has no body to report, and every header costs every click. */
function write(
  res: ServerResponse,
  answer: FastAnswer,
  headers: Readonly<Record<string, string>>,
): void {
  res.writeHead(answer.status, { ...headers, ...answer.headers, "content-length": "0" });
  res.end();
}

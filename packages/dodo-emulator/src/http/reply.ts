import type { ServerResponse } from "node:http";

/** What a route answers; written by one function so handlers stay plain and testable. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export function json(status: number, value: unknown): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(value),
  };
}

// The pages are static markup with inline styles and plain forms: nothing else may load.
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

export function html(status: number, markup: string): Reply {
  return {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": PAGE_POLICY,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
    body: markup,
  };
}

export function redirect(location: string): Reply {
  return { status: 303, headers: { location, "cache-control": "no-store" } };
}

export function empty(status = 200): Reply {
  return { status };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const body = reply.body ?? "";
  res.writeHead(reply.status, {
    ...reply.headers,
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

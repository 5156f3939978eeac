import { request } from "node:http";

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * An HTTP request with the path sent exactly as written: `fetch` normalises dot segments and
 * backslashes before sending, which would hide the very spellings an attacker uses.
 */
export function rawRequest(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? "GET",
        path,
        headers: {
          ...(options.body === undefined
            ? {}
            : { "content-length": String(Buffer.byteLength(options.body)) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Follows same-site redirects the way a browser would, up to a few hops. */
export async function rawFollow(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse & { path: string }> {
  let current = path;
  for (let hop = 0; hop < 5; hop++) {
    const response = await rawRequest(base, current, { headers });
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || typeof location !== "string")
      return { ...response, path: current };
    const next = new URL(location, base);
    if (next.origin !== new URL(base).origin) throw new Error(`redirected off-site to ${location}`);
    current = `${next.pathname}${next.search}`;
  }
  throw new Error(`too many redirects from ${path}`);
}

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  /** Header values as a web framework hands them over (lower-case names). */
  readonly headers: Record<string, string | undefined>;
  /** The body byte-for-byte as it arrived: signatures cover exactly this. */
  readonly body: string;
  /** `type` from the body, for finding an event. */
  readonly type: string;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: readonly ReceivedWebhook[];
  /** The only delivery of `type`; fails when there is none or several. */
  one(type: string): ReceivedWebhook;
  close(): Promise<void>;
}

/** A real HTTP endpoint on a free local port that records every POST and answers 200. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      const { type } = JSON.parse(body) as { type: string };
      received.push({ headers, body, type });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/dodo`,
    received,
    one(type) {
      const matching = received.filter((r) => r.type === type);
      if (matching.length !== 1) {
        throw new Error(`Expected one ${type} delivery, got ${matching.length}`);
      }
      return matching[0]!;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

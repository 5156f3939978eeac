import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  /** Header values as a web framework hands them over (lower-case names). */
  readonly headers: Record<string, string | undefined>;
  /** The body byte-for-byte as it arrived: signatures cover exactly this. */
  readonly body: string;
  /** `type` from the JSON body, for finding an event ("" when it has none). */
  readonly type: string;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: readonly ReceivedWebhook[];
  /** The only delivery of `type`; fails when there is none or several. */
  one(type: string): ReceivedWebhook;
  /** Standard Webhooks headers of the nth request, as `verify` wants them. */
  signatureHeaders(index: number): Record<string, string>;
  close(): Promise<void>;
}

function eventType(body: string): string {
  try {
    const { type } = JSON.parse(body) as { type?: unknown };
    return typeof type === "string" ? type : "";
  } catch {
    return "";
  }
}

/**
 * A real HTTP endpoint on a free local port that records every POST. `status(n)` picks the
 * answer to the nth request (1-based); 200 by default. Shared by the emulator's tests and the
 * Dodo adapter's (through `@digistore/dodo-emulator/testing`).
 */
export async function startWebhookReceiver(
  status: (n: number) => number = () => 200,
): Promise<WebhookReceiver> {
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
      received.push({ headers, body, type: eventType(body) });
      res.writeHead(status(received.length), { "content-type": "text/plain" });
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
    signatureHeaders(index) {
      const { headers } = received[index]!;
      return {
        "webhook-id": String(headers["webhook-id"]),
        "webhook-timestamp": String(headers["webhook-timestamp"]),
        "webhook-signature": String(headers["webhook-signature"]),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

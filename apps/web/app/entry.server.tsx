import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./lib/nonce";

const ABORT_DELAY = 5_000;

/**
 * Remix's Node entry, plus the response's CSP nonce on every inline script Remix writes (the
 * server's Content-Security-Policy runs no other inline script).
 *
 * The document is answered whole, once everything is rendered. No route defers data, so the
 * shell is the page and streaming it saved no time; it did cost a compressor job (and, through
 * Remix's flush per chunk, a compressor flush) for each of React's many small chunks, which
 * made compressing a page cost more than rendering it.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce || undefined;
  return new Promise<Response>((resolve, reject) => {
    let rendered = false;
    const ready = () => {
      rendered = true;
      const chunks: Buffer[] = [];
      const document = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
        final(done) {
          clearTimeout(timer);
          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(Buffer.concat(chunks), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          done();
        },
      });
      pipe(document);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady: ready,
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reject and are logged by Remix; later ones only here.
          // eslint-disable-next-line no-console -- Remix's own entry logs here too; no logger in the React tree
          if (rendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

import type { Context, createCaller } from "@digistore/api";

/** What every Remix loader and action receives from the Node server. */
// A type alias (not an interface) so it satisfies Remix's index-signature AppLoadContext.
export type DigiStoreLoadContext = {
  /** The API, called in-process with the request's own identity and middleware. */
  readonly api: ReturnType<typeof createCaller>;
  readonly requestId: string;
  /** Who is signed in (their whole record), resolved once per request; null when nobody is. */
  readonly user: Context["user"];
  /** Where the dev mail transport writes (null when real SMTP delivers mail). */
  readonly devMailDir: string | null;
  readonly storeName: string;
  /** This response's Content-Security-Policy nonce for Remix's inline scripts. */
  readonly cspNonce: string;
  /** The upload limit, shown next to file inputs. */
  readonly maxUploadBytes: number;
  /** The store's public origin (PUBLIC_URL): product pages a link form previews live here. */
  readonly publicUrl: string;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends DigiStoreLoadContext {}
}

import type { createCaller } from "@digistore/api";

/** What every Remix loader and action receives from the Node server. */
// A type alias (not an interface) so it satisfies Remix's index-signature AppLoadContext.
export type DigiStoreLoadContext = {
  /** The API, called in-process with the request's own identity and middleware. */
  readonly api: ReturnType<typeof createCaller>;
  readonly requestId: string;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends DigiStoreLoadContext {}
}

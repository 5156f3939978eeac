import type { TrustProxy } from "@digistore/config";
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

type Trust = (address: string, hop: number) => boolean;

/** The same trust rule Express applies for `trust proxy`, for paths served ahead of it. */
export function compileTrust(trustProxy: TrustProxy): Trust {
  if (trustProxy === false) return () => false;
  if (typeof trustProxy === "number") return (_address, hop) => hop < trustProxy;
  return proxyAddr.compile([...trustProxy]);
}

/** The client's address as `req.ip` would give it under the same trust rule. */
export function clientAddress(req: IncomingMessage, trust: Trust): string | undefined {
  return proxyAddr(req, trust) || undefined;
}

import { isIP } from "node:net";
import { z } from "zod";

/** What Express's `trust proxy` accepts, minus `true` (trusting every hop lets anyone pick an address). */
export type TrustProxy = false | number | readonly string[];

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: unset or `false` — no proxy, the socket's address is the client's; a number —
 * that many proxies in front; a comma-separated list of addresses, CIDRs or `loopback`,
 * `linklocal`, `uniquelocal` — proxies at those addresses.
 */
export const ZTrustProxy = z
  .string()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const text = value?.trim().toLowerCase() ?? "false";
    if (text === "false" || text === "0") return false;
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops <= 16) return hops;
    } else {
      const entries = text.split(",").map((entry) => entry.trim());
      if (entries.every(isAddressOrRange)) return entries;
    }
    ctx.addIssue({
      code: "custom",
      message:
        "must be false, a number of proxy hops (1–16), or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8,loopback)",
    });
    return z.NEVER;
  });

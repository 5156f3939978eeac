import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 text; rejection sampling keeps every character equally likely. */
function base62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** The prefixes Dodo puts on its ids (`pay_gr4RizvMOXFJ6xca3y2tU`; disputes `dp_…`, as in Dodo's documented examples). */
export type DodoIdPrefix = "pdt" | "cks" | "pay" | "ref" | "dp" | "dsc" | "cus" | "bus" | "msg";

/** An id shaped like Dodo's: prefix, underscore, 21 base62 characters (16 for businesses). */
export function dodoId(prefix: DodoIdPrefix): string {
  return `${prefix}_${base62(prefix === "bus" ? 16 : prefix === "msg" ? 27 : 21)}`;
}

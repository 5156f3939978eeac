import type { ClickDevice } from "@digistore/db";
import { isbot } from "isbot";
import { UAParser } from "ua-parser-js";

/** A click as the redirect saw it, before anything is derived or hashed. */
export interface RawClick {
  readonly linkId: string;
  readonly at: Date;
  readonly referrer?: string | undefined;
  readonly userAgent?: string | undefined;
  readonly ip?: string | undefined;
  /** ISO country code from a trusted proxy header, if the store is behind one. */
  readonly country?: string | undefined;
}

export interface ClickFacts {
  readonly referrerHost: string | null;
  readonly device: ClickDevice;
  readonly browser: string | null;
  readonly os: string | null;
  readonly isBot: boolean;
  readonly country: string | null;
}

/** Only the host of a referrer is kept: paths and queries can carry personal data. */
export function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    const url = new URL(referrer);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.hostname.replace(/\.+$/, "") || null;
  } catch {
    return null;
  }
}

const COUNTRY = /^[A-Z]{2}$/;

type AgentFacts = Pick<ClickFacts, "device" | "browser" | "os" | "isBot">;

function describeAgent(userAgent: string): AgentFacts {
  // No user agent at all is a script, not a person with a browser.
  const bot = userAgent === "" || isbot(userAgent);
  const parsed = new UAParser(userAgent).getResult();
  const type = parsed.device.type;
  const device: ClickDevice = bot
    ? "bot"
    : type === "mobile" || type === "tablet"
      ? type
      : type === undefined && parsed.os.name
        ? "desktop"
        : "other";
  return { device, browser: parsed.browser.name ?? null, os: parsed.os.name ?? null, isBot: bot };
}

/**
 * `fn` remembered for the `max` most recently added arguments. (A Map in insertion order;
 * `lru-cache` is not used because the web build resolves packages from the root, where another
 * tool pins an old major of it.)
 */
function memoised<T>(max: number, fn: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = fn(key);
      if (known.size >= max) known.delete(known.keys().next().value!);
      known.set(key, value);
    }
    return value;
  };
}

// Parsing a user agent costs more than the redirect it came with, and parsing a referrer's URL
// about as much; a link's visitors share a few hundred agents and a few referring pages.
const agentFacts = memoised(2000, describeAgent);
const hostOfReferrer = memoised(2000, referrerHost);

export function describeClick(click: RawClick): ClickFacts {
  const facts = agentFacts((click.userAgent ?? "").slice(0, 1000));
  const country = click.country?.toUpperCase();
  return {
    // Bounded like the agent: only a referrer's first 2,048 characters are a cache key.
    referrerHost: click.referrer ? hostOfReferrer(click.referrer.slice(0, 2048)) : null,
    ...facts,
    country: country && COUNTRY.test(country) && country !== "XX" ? country : null,
  };
}

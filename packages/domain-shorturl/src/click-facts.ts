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
 * Parsing a user agent costs more than the redirect it came with, and a link's visitors share
 * a few hundred agents: each is parsed once while it stays among the most recently added.
 * (A Map in insertion order; `lru-cache` is not used because the web build resolves packages
 * from the root, where another tool pins an old major of it.)
 */
const agents = new Map<string, AgentFacts>();
const MAX_AGENTS = 2000;

export function describeClick(click: RawClick): ClickFacts {
  const userAgent = (click.userAgent ?? "").slice(0, 1000);
  let facts = agents.get(userAgent);
  if (!facts) {
    facts = describeAgent(userAgent);
    if (agents.size >= MAX_AGENTS) agents.delete(agents.keys().next().value!);
    agents.set(userAgent, facts);
  }
  const country = click.country?.toUpperCase();
  return {
    referrerHost: referrerHost(click.referrer),
    ...facts,
    country: country && COUNTRY.test(country) && country !== "XX" ? country : null,
  };
}

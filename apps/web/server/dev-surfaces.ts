import type { ServerConfig } from "@digistore/config";
import type { Logger } from "./logger";

/**
 * The demo's emulator and mailbox are announced loudly at every boot: they are harmless on a
 * laptop and an account takeover on the internet, so nobody should run them by accident.
 */
export function announceDevSurfaces(
  config: Pick<ServerConfig, "DEMO" | "NODE_ENV" | "HOST" | "PUBLIC_URL">,
  logger: Logger,
  emulator: boolean,
  devMailDir: string | null,
): void {
  const surfaces = [
    emulator
      ? `the Dodo payment emulator at ${config.PUBLIC_URL}/_dodo (anyone can mark orders paid)`
      : null,
    devMailDir
      ? `the dev mailbox at ${config.PUBLIC_URL}/dev/mail (anyone can read every email)`
      : null,
  ].filter((s): s is string => s !== null);
  if (surfaces.length === 0) return;
  const why =
    config.DEMO === "on"
      ? "DEMO=on"
      : config.NODE_ENV === "production"
        ? "ALLOW_PAYMENTS_EMULATOR=true"
        : `NODE_ENV=${config.NODE_ENV}`;
  logger.warn(
    { demo: config.DEMO, host: config.HOST, surfaces },
    `${why}: this store serves ${surfaces.join(" and ")}. Never expose it to the internet; production is DEMO=off with PAYMENTS_PROVIDER=dodo and SMTP_URL.`,
  );
}

import { z } from "zod";
import { parseDatabaseUrl, DatabaseUrlError } from "@digistore/db";
import { ZTrustProxy } from "./trust-proxy";

/**
 * Every environment variable the store reads, with defaults that run on a fresh clone with no
 * `.env`. Apps pass `process.env` in; nothing else reads the environment.
 */
const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Default: loopback for the demo (its mailbox and emulator are for this machine), else all. */
  HOST: z.string().min(1).optional(),
  /**
   * `on`: the demo store (`npm start`): the Dodo emulator and the dev mailbox, announced at
   * boot. `off` (default): a production configuration has neither.
   */
  DEMO: z.enum(["on", "off"], { message: "must be on or off" }).default("off"),
  /** Runs the payment emulator in production anyway (a test store that moves no money). */
  ALLOW_PAYMENTS_EMULATOR: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  /** Which reverse proxies may set X-Forwarded-For/-Proto: a hop count or a list of CIDRs. */
  TRUST_PROXY: ZTrustProxy,
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./var/digistore.db")
    .superRefine((value, ctx) => {
      try {
        parseDatabaseUrl(value);
      } catch (error) {
        if (!(error instanceof DatabaseUrlError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
      }
    }),
  PUBLIC_URL: z.url({ message: "must be an absolute http(s) URL" }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1).default("./var"),
  STORE_NAME: z.string().trim().min(1).max(60).default("DigiStore"),
  /** smtp(s)://user:pass@host:port — unset means emails are written to DATA_DIR/mail instead. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("DigiStore <no-reply@digistore.localhost>"),
  /** `inline` runs the email worker inside the web process; `off` when `digistore worker` runs it. */
  MAIL_WORKER: z.enum(["inline", "off"]).default("inline"),
  /** Largest product file a seller may upload, in bytes (default 2 GiB). */
  MAX_UPLOAD_BYTES: z.coerce
    .number({ message: "must be a number of bytes" })
    .int("must be a whole number of bytes")
    .min(1024, "must be at least 1024 bytes")
    .default(2 * 1024 ** 3),
  /** How many days a product shows "Updated" after a new version. */
  /** How long each process serves the cached maintenance setting before re-reading it. */
  SITE_SETTINGS_TTL_MS: z.coerce
    .number({ message: "must be milliseconds" })
    .int()
    .min(0)
    .max(60_000)
    .default(5000),
  /** `emulator` (default): the built-in Dodo emulator under /_dodo; `dodo`: the real Dodo Payments. */
  PAYMENTS_PROVIDER: z.enum(["emulator", "dodo"]).default("emulator"),
  DODO_PAYMENTS_API_KEY: z.string().min(1).optional(),
  DODO_PAYMENTS_WEBHOOK_KEY: z
    .string()
    .regex(/^whsec_/, "must be the whsec_… secret from Dodo's dashboard")
    .optional(),
  DODO_PAYMENTS_ENVIRONMENT: z.enum(["test_mode", "live_mode"]).default("test_mode"),
  /** Webhooks for any other business are ignored; unset, it is asked of Dodo once per start. */
  DODO_PAYMENTS_BUSINESS_ID: z.string().trim().min(1).optional(),
  DODO_PAYMENTS_BASE_URL: z.url({ message: "must be an absolute URL" }).optional(),
  /** HMAC key for download links; set it when several processes serve downloads. */
  DOWNLOAD_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  UPDATED_BADGE_DAYS: z.coerce
    .number({ message: "must be a number of days" })
    .min(0)
    .max(365)
    .default(3),
});

export type ServerConfig = z.output<typeof ZServerEnv> & {
  PUBLIC_URL: string;
  HOST: string;
  /** The emulator and the dev mailbox may exist: the demo, development and tests, never production. */
  devSurfaces: boolean;
};

export class ConfigError extends Error {
  override name = "ConfigError";

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const isProductionConfig = (env: z.output<typeof ZServerEnv>) =>
  env.NODE_ENV === "production" && env.DEMO === "off";

// Real money needs real keys: refuse to start a Dodo store that could not verify webhooks,
// and a production store on an emulator that lets anyone mark an order paid.
const ZCheckedServerEnv = ZServerEnv.superRefine((env, ctx) => {
  if (
    env.PAYMENTS_PROVIDER === "emulator" &&
    isProductionConfig(env) &&
    !env.ALLOW_PAYMENTS_EMULATOR
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["PAYMENTS_PROVIDER"],
      message:
        "the built-in payment emulator lets anyone mark an order paid, so production refuses it: " +
        "set PAYMENTS_PROVIDER=dodo with DODO_PAYMENTS_API_KEY and DODO_PAYMENTS_WEBHOOK_KEY, " +
        "or ALLOW_PAYMENTS_EMULATOR=true for a test store that moves no money (DEMO=on for the demo)",
    });
  }
  if (env.PAYMENTS_PROVIDER !== "dodo") return;
  for (const key of ["DODO_PAYMENTS_API_KEY", "DODO_PAYMENTS_WEBHOOK_KEY"] as const) {
    if (!env[key])
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: "is required when PAYMENTS_PROVIDER=dodo",
      });
  }
});

export function loadServerConfig(env: Record<string, string | undefined>): ServerConfig {
  // Empty strings mean "unset" so `PORT=` in a .env falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const result = ZCheckedServerEnv.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`),
    );
  }
  const config = result.data;
  const demo = config.DEMO === "on";
  return {
    ...config,
    HOST: config.HOST ?? (demo ? "127.0.0.1" : "0.0.0.0"),
    PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    devSurfaces: demo || config.NODE_ENV !== "production",
  };
}

import { describe, expect, it } from "vitest";
import { ConfigError, loadServerConfig } from "./server-config";

describe("loadServerConfig", () => {
  it("runs with no environment at all", () => {
    const config = loadServerConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe("file:./var/digistore.db");
    expect(config.PUBLIC_URL).toBe("http://localhost:3000");
    expect(config.NODE_ENV).toBe("development");
  });

  it("names every bad variable at once", () => {
    try {
      loadServerConfig({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems, message } = error as ConfigError;
      expect(problems).toHaveLength(3);
      expect(message).toMatch(/PORT: must be a port number/);
      expect(message).toMatch(/DATABASE_URL: unsupported database URL "mysql:\/\/x"/);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  it("validates mail settings", () => {
    expect(loadServerConfig({}).SMTP_URL).toBeUndefined();
    expect(loadServerConfig({ SMTP_URL: "smtp://u:p@mail:587" }).SMTP_URL).toBe(
      "smtp://u:p@mail:587",
    );
    expect(() => loadServerConfig({ SMTP_URL: "http://mail" })).toThrow(
      /SMTP_URL: must be an smtp/,
    );
    expect(() => loadServerConfig({ MAIL_WORKER: "sometimes" })).toThrow(/MAIL_WORKER/);
  });

  it("needs Dodo's keys only when the real provider is chosen", () => {
    expect(loadServerConfig({}).PAYMENTS_PROVIDER).toBe("emulator");
    expect(() => loadServerConfig({ PAYMENTS_PROVIDER: "dodo" })).toThrow(
      /DODO_PAYMENTS_API_KEY: is required[\s\S]*DODO_PAYMENTS_WEBHOOK_KEY: is required/,
    );
    expect(() =>
      loadServerConfig({
        PAYMENTS_PROVIDER: "dodo",
        DODO_PAYMENTS_API_KEY: "k",
        DODO_PAYMENTS_WEBHOOK_KEY: "nope",
      }),
    ).toThrow(/whsec_/);
  });

  it("rejects out-of-range ports and treats empty values as unset", () => {
    expect(() => loadServerConfig({ PORT: "70000" })).toThrow(/PORT: must be between 1 and 65535/);
    expect(loadServerConfig({ PORT: "" }).PORT).toBe(3000);
  });

  it("accepts PostgreSQL and never echoes a password", () => {
    expect(loadServerConfig({ DATABASE_URL: "postgres://u:p@h/db" }).DATABASE_URL).toBe(
      "postgres://u:p@h/db",
    );
    expect(() => loadServerConfig({ DATABASE_URL: "mysql://root:hunter2@h/db" })).toThrow(
      /root:\*\*\*@/,
    );
  });
});

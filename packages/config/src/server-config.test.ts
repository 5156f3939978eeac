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
  it("refuses the payment emulator in production unless the demo or the operator asks for it", () => {
    expect(() => loadServerConfig({ NODE_ENV: "production" })).toThrow(
      /PAYMENTS_PROVIDER: the built-in payment emulator[\s\S]*ALLOW_PAYMENTS_EMULATOR=true/,
    );
    expect(loadServerConfig({ NODE_ENV: "production", DEMO: "on" }).devSurfaces).toBe(true);
    const allowed = loadServerConfig({ NODE_ENV: "production", ALLOW_PAYMENTS_EMULATOR: "true" });
    expect(allowed.devSurfaces).toBe(false);
    expect(allowed.PAYMENTS_PROVIDER).toBe("emulator");
    expect(loadServerConfig({ NODE_ENV: "development" }).devSurfaces).toBe(true);
    const dodo = loadServerConfig({
      NODE_ENV: "production",
      PAYMENTS_PROVIDER: "dodo",
      DODO_PAYMENTS_API_KEY: "k",
      DODO_PAYMENTS_WEBHOOK_KEY: "whsec_x",
    });
    expect(dodo.devSurfaces).toBe(false);
    expect(() => loadServerConfig({ DEMO: "yes" })).toThrow(/DEMO: must be on or off/);
    expect(() => loadServerConfig({ ALLOW_PAYMENTS_EMULATOR: "1" })).toThrow(
      /ALLOW_PAYMENTS_EMULATOR: must be true or false/,
    );
  });

  it("binds the demo to loopback unless told otherwise", () => {
    expect(loadServerConfig({ DEMO: "on" }).HOST).toBe("127.0.0.1");
    expect(loadServerConfig({ DEMO: "on", HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(loadServerConfig({}).HOST).toBe("0.0.0.0");
  });

  it.each([
    [undefined, false],
    ["false", false],
    ["0", false],
    ["1", 1],
    ["2", 2],
    ["loopback", ["loopback"]],
    ["10.0.0.0/8, 192.168.1.7", ["10.0.0.0/8", "192.168.1.7"]],
    ["::1,fd00::/8", ["::1", "fd00::/8"]],
  ])("reads TRUST_PROXY=%s as %j", (value, expected) => {
    expect(loadServerConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(
      expected,
    );
  });

  it.each([
    "true",
    "yes",
    "17",
    "-1",
    "10.0.0.0/33",
    "300.1.1.1",
    "example.com",
    "10.0.0.1/8/2",
    "fd00::/129",
  ])("refuses TRUST_PROXY=%s", (value) => {
    expect(() => loadServerConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be false/);
  });
});

import { describe, expect, it } from "vitest";
import { DatabaseUrlError, parseDatabaseUrl, redact } from "./database-url";

describe("parseDatabaseUrl", () => {
  it("recognises SQLite files and memory", () => {
    expect(parseDatabaseUrl("file:./var/digistore.db")).toEqual({
      dialect: "sqlite",
      filename: "./var/digistore.db",
    });
    expect(parseDatabaseUrl("sqlite:///tmp/x.db")).toEqual({
      dialect: "sqlite",
      filename: "/tmp/x.db",
    });
    expect(parseDatabaseUrl(":memory:")).toEqual({ dialect: "sqlite", filename: ":memory:" });
  });

  it("recognises PostgreSQL", () => {
    expect(parseDatabaseUrl("postgresql://u@h:5432/db").dialect).toBe("postgres");
    expect(parseDatabaseUrl("postgres://u@h/db").dialect).toBe("postgres");
  });

  it("refuses other engines and empty values without echoing a password", () => {
    expect(() => parseDatabaseUrl("mysql://root:secret@h/db")).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl("mysql://root:secret@h/db")).toThrow(/root:\*\*\*@/);
    expect(() => parseDatabaseUrl("")).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl("file:")).toThrow(DatabaseUrlError);
  });

  it("redacts passwords only", () => {
    expect(redact("postgres://app:pw@db:5432/store")).toBe("postgres://app:***@db:5432/store");
    expect(redact("postgres://app@db/store")).toBe("postgres://app@db/store");
  });
});

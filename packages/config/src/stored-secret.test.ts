import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storedSecret } from "./stored-secret";

describe("storedSecret", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "digistore-secret-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("makes a secret once and reads the same one back on every later call", () => {
    const first = storedSecret({ DATA_DIR: dir }, "download-secret");
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(storedSecret({ DATA_DIR: dir }, "download-secret")).toBe(first);
    expect(storedSecret({ DATA_DIR: dir }, "other-secret")).not.toBe(first);
    const file = join(dir, "secrets", "download-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "secrets")).mode & 0o077).toBe(0);
  });

  it("keeps the first value when a second process would make another", () => {
    const a = storedSecret({ DATA_DIR: dir }, "race", () => "first");
    const b = storedSecret({ DATA_DIR: dir }, "race", () => "second");
    expect([a, b]).toEqual(["first", "first"]);
  });

  it("shapes new values as asked and refuses names that could leave the folder", () => {
    expect(storedSecret({ DATA_DIR: dir }, "hook", (r) => `whsec_${r.toString("base64")}`)).toMatch(
      /^whsec_[A-Za-z0-9+/]+=*$/,
    );
    for (const name of ["../x", "a/b", "", "A"]) {
      expect(() => storedSecret({ DATA_DIR: dir }, name)).toThrow(/bad secret name/);
    }
  });
});

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalDiskStorage } from "./local-disk-storage";
import { FileTooLargeError, InvalidStorageKeyError } from "./storage";

describe("local disk storage", () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "digistore-disk-"));
    outside = mkdtempSync(join(tmpdir(), "digistore-outside-"));
    writeFileSync(join(outside, "secret.txt"), "do not serve");
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it.each([
    "../secret.txt",
    "a/../../secret.txt",
    "/etc/passwd",
    "a//b",
    "a\\..\\b",
    "%2e%2e/secret.txt",
    "./a",
    "a/./b",
    "",
    "x".repeat(301),
  ])("refuses the key %j for every operation", async (key) => {
    const storage = createLocalDiskStorage(root);
    await expect(
      storage.put(key, Readable.from([Buffer.from("x")]), { maxBytes: 10 }),
    ).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it("stores, reads ranges, and leaves nothing behind when a file is too large", async () => {
    const storage = createLocalDiskStorage(root);
    expect(
      await storage.put("a/b.bin", Readable.from([Buffer.from("hello world")]), { maxBytes: 100 }),
    ).toMatchObject({ size: 11 });
    const range = await storage.get("a/b.bin", { start: 6, end: 10 });
    let text = "";
    for await (const chunk of range!.body) text += String(chunk);
    expect([text, range!.size]).toEqual(["world", 11]);
    await expect(
      storage.put("a/c.bin", Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), {
        maxBytes: 100,
      }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(readdirSync(join(root, "a"))).toEqual(["b.bin"]);
    expect(await storage.get("a/missing.bin")).toBeNull();
  });
});

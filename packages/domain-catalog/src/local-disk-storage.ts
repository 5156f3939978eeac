import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertStorageKey,
  FileTooLargeError,
  InvalidStorageKeyError,
  type FileStorage,
} from "./storage";

/** Files under one folder (default `var/storage`); a key can never resolve outside it. */
export function createLocalDiskStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    const path = resolve(base, key);
    if (!path.startsWith(base + sep))
      throw new InvalidStorageKeyError("storage key escapes the storage folder");
    return path;
  };

  return {
    async put(key, body, { maxBytes }) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.partial-${randomBytes(6).toString("hex")}`;
      const hash = createHash("sha256");
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, meter, createWriteStream(temp, { flags: "wx" }));
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { size, sha256: hash.digest("hex") };
    },

    async get(key, range) {
      const path = pathOf(key);
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch {
        return null;
      }
      const body: Readable = range
        ? createReadStream(path, { start: range.start, end: range.end })
        : createReadStream(path);
      return { body, size };
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },

    describe: () => `local disk (${base})`,
  };
}

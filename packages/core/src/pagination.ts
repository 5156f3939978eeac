import { z } from "zod";
import { ValidationError } from "./errors";

/**
 * Keyset pagination: the cursor carries the sort key of the last row seen, so page N costs the
 * same as page 1 whatever the table size. Cursors are opaque base64url JSON to callers.
 */
export const ZPageInput = z.object({
  limit: z.number().int().min(1).max(100).default(24),
  cursor: z.string().max(500).optional(),
});
export type TPageInput = z.input<typeof ZPageInput>;

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

const ZCursorKey = z.array(z.union([z.string(), z.number(), z.null()])).max(8);

export function decodeCursor(cursor: string): (string | number | null)[] {
  try {
    return ZCursorKey.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError("Invalid page cursor", { cursor: ["Invalid page cursor"] });
  }
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only proves another page exists.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => readonly (string | number | null)[],
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

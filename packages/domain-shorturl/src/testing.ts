import { ManualClock, type Actor } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import type { ShortUrlContext } from "./ports";

export const TEST_STORE_URL = "https://shop.example.com";

/** A verb context for `actor` on a test store at TEST_STORE_URL. */
export function shortUrlCtx(
  db: Kysely<Database>,
  actor: Actor,
  clock = new ManualClock("2026-12-01T10:00:00.000Z"),
): ShortUrlContext {
  return { db, dialect: "sqlite", clock, actor, publicUrl: TEST_STORE_URL };
}

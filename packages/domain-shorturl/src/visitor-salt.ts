import { DAY } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { createHash, randomBytes } from "node:crypto";

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Each UTC day has its own random salt, shared by every process through the database and
 * deleted the day after: a visitor hash can be counted that day and never reversed later.
 */
export async function saltForDay(db: Kysely<Database>, day: string): Promise<string> {
  const existing = await db
    .selectFrom("visitor_salts")
    .select("salt")
    .where("day", "=", day)
    .executeTakeFirst();
  if (existing) return existing.salt;
  await db
    .insertInto("visitor_salts")
    .values({ day, salt: randomBytes(32).toString("hex") })
    .onConflict((oc) => oc.column("day").doNothing())
    .execute();
  const stored = await db
    .selectFrom("visitor_salts")
    .select("salt")
    .where("day", "=", day)
    .executeTakeFirstOrThrow();
  return stored.salt;
}

/** Salts (and the day's sightings) older than yesterday go: nothing can re-derive a hash. */
export async function forgetOldVisitors(db: Kysely<Database>, now: Date): Promise<void> {
  const yesterday = utcDay(new Date(now.getTime() - DAY));
  await db.deleteFrom("visitor_salts").where("day", "<", yesterday).execute();
  await db.deleteFrom("link_visitor_days").where("day", "<", yesterday).execute();
}

export function visitorHash(
  salt: string,
  ip: string | undefined,
  userAgent: string | undefined,
): string {
  return createHash("sha256")
    .update(`${salt}\n${ip ?? ""}\n${userAgent ?? ""}`)
    .digest("hex")
    .slice(0, 32);
}

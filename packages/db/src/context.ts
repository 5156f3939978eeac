import type { Actor, Clock } from "@digistore/core";
import type { Kysely } from "kysely";
import type { Dialect } from "./database-url";
import type { Database } from "./schema";

/**
 * What every verb's context starts with: the database (flat, not wrapped), its dialect, the
 * clock and who is acting. Each domain adds the ports it needs; the api's request context
 * has all of them, so one value serves every verb.
 */
export interface VerbContext {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly clock: Clock;
  readonly actor: Actor;
}

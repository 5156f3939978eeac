import type { Migration } from "kysely";
import * as m0001 from "./2026-11-21-0001-site-settings";

/**
 * Listed by hand, not read from disk, so migrations survive bundling and run the same from the
 * CLI, the server and tests. Names sort by date; append only.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-21-0001-site-settings": m0001,
};

import type { Database } from "@digistore/db";
import { createSignedInUser } from "@digistore/domain-users/testing";
import type { Kysely } from "kysely";

const SESSION_COOKIE = "digistore_session";

/** A user with a live session, made in the store's own database; `cookie` signs requests in. */
export async function signedIn(
  db: Kysely<Database>,
  options: Parameters<typeof createSignedInUser>[1] = {},
) {
  const fixture = await createSignedInUser(db, options);
  return { ...fixture, cookie: `${SESSION_COOKIE}=${fixture.token}` };
}

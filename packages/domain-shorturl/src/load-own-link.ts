import { NotFoundError, requireUser, type Actor } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { findShortLinkRow, type ShortLinkRow } from "./short-links.repository";

/**
 * The link if this person owns it (or, with `staffMayRead`, is staff). Anyone else's link
 * answers NOT_FOUND, so ids cannot be probed.
 */
export async function loadOwnLink(
  db: Kysely<Database>,
  actor: Actor,
  linkId: string,
  options: { staffMayRead?: boolean } = {},
): Promise<ShortLinkRow> {
  const user = requireUser(actor);
  const row = await findShortLinkRow(db, linkId);
  const allowed =
    row && (row.owner_id === user.userId || (options.staffMayRead && user.roles.staff));
  if (!row || !allowed) throw new NotFoundError("Link not found.");
  return row;
}

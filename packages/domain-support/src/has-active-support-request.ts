import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { findActiveRequestId } from "./support-requests.repository";

/** Whether this purchase's one support slot is taken (awaiting payment, open or answered). */
export async function hasActiveSupportRequest(
  db: Kysely<Database>,
  purchaseId: string,
): Promise<boolean> {
  return (await findActiveRequestId(db, purchaseId)) !== null;
}

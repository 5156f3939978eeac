import { checkDbHealth } from "@digistore/db";
import type { AppServices } from "../context";

/** What `/healthz` reports: the database answers, and which engine it is. */
export async function checkHealth(services: AppServices) {
  const db = await checkDbHealth(services.db);
  return { ok: db.ok, db: { ...db, dialect: services.dialect } };
}

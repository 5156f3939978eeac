import type {
  Database,
  Dialect,
  LicenseActivationsTable,
  LicensePoliciesTable,
  LicensesTable,
} from "@digistore/db";
import type { Insertable, Kysely } from "kysely";
import type { LicenseRow } from "./license";

function licenseWithAccess(db: Kysely<Database>) {
  return db
    .selectFrom("licenses")
    .innerJoin("purchased_products as pp", "pp.id", "licenses.purchase_id")
    .selectAll("licenses")
    .select(["pp.revoked_at", "pp.suspended_at"]);
}

export function findLicenseRowByKey(
  db: Kysely<Database>,
  key: string,
): Promise<LicenseRow | undefined> {
  return licenseWithAccess(db).where("licenses.key", "=", key).executeTakeFirst();
}

export function findLicenseRowById(
  db: Kysely<Database>,
  id: string,
): Promise<LicenseRow | undefined> {
  return licenseWithAccess(db).where("licenses.id", "=", id).executeTakeFirst();
}

export function findLicenseRowForOwner(
  db: Kysely<Database>,
  userId: string,
  productId: string,
): Promise<LicenseRow | undefined> {
  return licenseWithAccess(db)
    .where("licenses.user_id", "=", userId)
    .where("licenses.product_id", "=", productId)
    .executeTakeFirst();
}

/**
 * Holds the key for the rest of the transaction (PostgreSQL; SQLite serialises writers), so
 * concurrent activations count what the others committed.
 */
export async function lockLicense(db: Kysely<Database>, dialect: Dialect, id: string) {
  const query = db.selectFrom("licenses").select("id").where("id", "=", id);
  await (dialect === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

export function listProductLicenseRows(
  db: Kysely<Database>,
  productId: string,
  page: { limit: number; before?: { issuedAt: string; id: string } | undefined },
) {
  let query = licenseWithAccess(db)
    .innerJoin("users", "users.id", "licenses.user_id")
    .select(["users.email", "users.display_name"])
    .where("licenses.product_id", "=", productId);
  if (page.before) {
    const { issuedAt, id } = page.before;
    query = query.where((eb) =>
      eb.or([
        eb("licenses.issued_at", "<", issuedAt),
        eb.and([eb("licenses.issued_at", "=", issuedAt), eb("licenses.id", "<", id)]),
      ]),
    );
  }
  return query
    .orderBy("licenses.issued_at", "desc")
    .orderBy("licenses.id", "desc")
    .limit(page.limit + 1)
    .execute();
}

export function insertLicenseIfAbsent(db: Kysely<Database>, row: Insertable<LicensesTable>) {
  return db
    .insertInto("licenses")
    .values(row)
    .onConflict((oc) => oc.column("purchase_id").doNothing())
    .execute();
}

export function updateLicenseRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<LicensesTable, "disabled_at" | "updated_at">>,
) {
  return db.updateTable("licenses").set(changes).where("id", "=", id).execute();
}

export function listActivationRows(
  db: Kysely<Database>,
  licenseIds: readonly string[],
): Promise<LicenseActivationsTable[]> {
  if (licenseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("license_activations")
    .selectAll()
    .where("license_id", "in", licenseIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function insertActivationRow(
  db: Kysely<Database>,
  row: Insertable<LicenseActivationsTable>,
) {
  return db.insertInto("license_activations").values(row).execute();
}

/** Deletes one activation of this key; how many rows went (0: not this key's). */
export async function deleteActivationRow(
  db: Kysely<Database>,
  licenseId: string,
  activationId: string,
): Promise<number> {
  const result = await db
    .deleteFrom("license_activations")
    .where("license_id", "=", licenseId)
    .where("id", "=", activationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function deleteAllActivationRows(db: Kysely<Database>, licenseId: string) {
  return db.deleteFrom("license_activations").where("license_id", "=", licenseId).execute();
}

export function findPolicyRow(
  db: Kysely<Database>,
  productId: string,
): Promise<LicensePoliciesTable | undefined> {
  return db
    .selectFrom("license_policies")
    .selectAll()
    .where("product_id", "=", productId)
    .executeTakeFirst();
}

export function upsertPolicyRow(db: Kysely<Database>, row: LicensePoliciesTable) {
  const changes = {
    enabled: row.enabled,
    activation_limit: row.activation_limit,
    validity_days: row.validity_days,
    updated_at: row.updated_at,
  };
  return db
    .insertInto("license_policies")
    .values(row)
    .onConflict((oc) => oc.column("product_id").doUpdateSet(changes))
    .execute();
}

/** Active purchases of a product that hold no key yet: what turning licensing on backfills. */
export function listUnlicensedPurchases(db: Kysely<Database>, productId: string) {
  return db
    .selectFrom("purchased_products as pp")
    .leftJoin("licenses", "licenses.purchase_id", "pp.id")
    .select(["pp.id", "pp.user_id", "pp.product_id", "pp.created_at"])
    .where("pp.product_id", "=", productId)
    .where("pp.revoked_at", "is", null)
    .where("licenses.id", "is", null)
    .execute();
}

export function findProductOwner(db: Kysely<Database>, productId: string) {
  return db
    .selectFrom("products")
    .select(["id", "seller_id", "title"])
    .where("id", "=", productId)
    .executeTakeFirst();
}

/** The (user, product) grant a key belongs to. */
export function findGrant(db: Kysely<Database>, userId: string, productId: string) {
  return db
    .selectFrom("purchased_products")
    .select(["id", "user_id", "product_id", "revoked_at"])
    .where("user_id", "=", userId)
    .where("product_id", "=", productId)
    .executeTakeFirst();
}

export function findSigningKeyRow(db: Kysely<Database>) {
  return db
    .selectFrom("license_signing_keys")
    .selectAll()
    .where("id", "=", STORE_KEY_ID)
    .executeTakeFirst();
}

export function insertSigningKeyIfAbsent(
  db: Kysely<Database>,
  row: { public_key: string; private_key: string; created_at: string },
) {
  return db
    .insertInto("license_signing_keys")
    .values({ id: STORE_KEY_ID, ...row })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

const STORE_KEY_ID = "store";

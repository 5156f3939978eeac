import type { Database, OrderKind, ProviderProductsTable } from "@digistore/db";
import type { Insertable, Kysely, Selectable } from "kysely";

export type ProviderProductRow = Selectable<ProviderProductsTable>;

export interface ProviderProductKey {
  readonly provider: string;
  readonly productId: string;
  readonly kind: OrderKind;
}

/** The fields that must match the provider's copy of the product. */
export interface ProviderProductFields {
  readonly amount: number;
  readonly currency: string;
  readonly name: string;
  /** 1: synced as pay-what-you-want, `amount` being its minimum. */
  readonly pay_what_you_want: 0 | 1;
}

export function findProviderProductRow(db: Kysely<Database>, key: ProviderProductKey) {
  return db
    .selectFrom("provider_products")
    .selectAll()
    .where("provider", "=", key.provider)
    .where("product_id", "=", key.productId)
    .where("kind", "=", key.kind)
    .executeTakeFirst();
}

/** Inserts the mapping unless one exists already (a concurrent first checkout won). */
export async function insertProviderProductRowIfAbsent(
  db: Kysely<Database>,
  row: Insertable<ProviderProductsTable>,
): Promise<void> {
  await db
    .insertInto("provider_products")
    .values(row)
    .onConflict((oc) => oc.columns(["provider", "product_id", "kind"]).doNothing())
    .execute();
}

/**
 * Records new fields only if the row is still exactly `current` (compare-and-set); false when
 * another checkout changed it in between, so the caller re-reads and syncs again.
 */
export async function updateProviderProductRowIfUnchanged(
  db: Kysely<Database>,
  current: ProviderProductRow,
  fields: ProviderProductFields,
  syncedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable("provider_products")
    .set({
      amount: fields.amount,
      currency: fields.currency,
      name: fields.name,
      pay_what_you_want: fields.pay_what_you_want,
      synced_at: syncedAt,
    })
    .where("provider", "=", current.provider)
    .where("product_id", "=", current.product_id)
    .where("kind", "=", current.kind)
    .where("provider_product_id", "=", current.provider_product_id)
    .where("amount", "=", current.amount)
    .where("currency", "=", current.currency)
    .where("name", "=", current.name)
    .where("pay_what_you_want", "=", current.pay_what_you_want)
    .where("synced_at", "=", current.synced_at)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Forgets a mapping the provider no longer recognises, so the next sync creates it afresh. */
export async function deleteProviderProductRow(
  db: Kysely<Database>,
  key: ProviderProductKey,
  providerProductId: string,
): Promise<void> {
  await db
    .deleteFrom("provider_products")
    .where("provider", "=", key.provider)
    .where("product_id", "=", key.productId)
    .where("kind", "=", key.kind)
    .where("provider_product_id", "=", providerProductId)
    .execute();
}

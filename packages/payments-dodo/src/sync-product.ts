import { paymentProductName, toTimestamp, type Clock, type Money } from "@digistore/core";
import type { Database, OrderKind } from "@digistore/db";
import type DodoPayments from "dodopayments";
import type { Currency } from "dodopayments/resources/misc";
import type { Price } from "dodopayments/resources/products/products";
import type { Kysely } from "kysely";
import { callDodo } from "./dodo-client";
import {
  findProviderProductRow,
  insertProviderProductRowIfAbsent,
  updateProviderProductRowIfUnchanged,
  type ProviderProductFields,
  type ProviderProductKey,
  type ProviderProductRow,
} from "./provider-products.repository";

export const DODO_PROVIDER = "dodo";

/** Rounds of re-reading when concurrent checkouts keep changing the same mapping. */
const MAX_ROUNDS = 5;

export interface SyncProductDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly client: DodoPayments;
}

export interface ProductToSync {
  readonly productId: string;
  readonly kind: OrderKind;
  readonly title: string;
  /** The fixed price, or the least the store may charge when it sets the amount per checkout. */
  readonly price: Money;
  readonly payWhatYouWant: boolean;
}

/** What the buyer sees on Dodo's checkout and receipt for this (product, kind). */
export const providerProductName: (title: string, kind: OrderKind) => string = paymentProductName;

/**
 * A pay-what-you-want product's price is its minimum; each checkout then names the amount the
 * buyer chose (ADR 0011), so Dodo charges exactly what the order asks.
 */
function oneTimePrice(price: Money, payWhatYouWant: boolean): Price.OneTimePrice {
  return {
    type: "one_time_price",
    price: price.amount,
    currency: price.currency as Currency,
    discount: 0,
    purchasing_power_parity: false,
    ...(payWhatYouWant ? { pay_what_you_want: true } : {}),
  };
}

/**
 * Whether the synced Dodo product can serve this checkout as it is. Every checkout names its
 * amount on the cart line (Dodo ignores it for a fixed price), so a pay-what-you-want copy
 * serves any checkout whose amount may not go below its floor: a floor is only ever lowered
 * by a sync, never raised under a concurrent checkout that relies on it (ADR 0012).
 */
function serves(row: ProviderProductRow, wanted: ProviderProductFields): boolean {
  if (row.currency !== wanted.currency || row.name !== wanted.name) return false;
  if (row.pay_what_you_want === 1) return row.amount <= wanted.amount;
  return wanted.pay_what_you_want === 0 && row.amount === wanted.amount;
}

/**
 * Makes sure Dodo has a one-time product for (product, kind) at this price and name, and
 * returns its Dodo id. The first checkout creates it; a changed price or title updates it.
 * Concurrent first checkouts may each create a Dodo product, but only one mapping row wins
 * (primary key + insert-or-ignore) and every caller uses the winner.
 */
export async function syncProduct(deps: SyncProductDeps, input: ProductToSync): Promise<string> {
  const key: ProviderProductKey = {
    provider: DODO_PROVIDER,
    productId: input.productId,
    kind: input.kind,
  };
  const fields: ProviderProductFields = {
    amount: input.price.amount,
    currency: input.price.currency,
    name: providerProductName(input.title, input.kind),
    pay_what_you_want: input.payWhatYouWant ? 1 : 0,
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await findProviderProductRow(deps.db, key);
    if (!row) {
      const created = await callDodo("create the product", () =>
        deps.client.products.create({
          name: fields.name,
          price: oneTimePrice(input.price, input.payWhatYouWant),
          tax_category: "digital_products",
          metadata: { product_id: input.productId, kind: input.kind },
        }),
      );
      await insertProviderProductRowIfAbsent(deps.db, {
        provider: key.provider,
        product_id: key.productId,
        kind: key.kind,
        provider_product_id: created.product_id,
        ...fields,
        synced_at: toTimestamp(deps.clock.now()),
      });
      continue; // re-read: the row that won is the one every checkout uses
    }
    if (serves(row, fields)) return row.provider_product_id;
    await callDodo("update the product", () =>
      deps.client.products.update(row.provider_product_id, {
        name: fields.name,
        price: oneTimePrice(input.price, input.payWhatYouWant),
      }),
    );
    const now = toTimestamp(deps.clock.now());
    if (await updateProviderProductRowIfUnchanged(deps.db, row, fields, now)) {
      return row.provider_product_id;
    }
  }
  throw new Error(
    `Could not sync ${input.kind} ${input.productId} with Dodo Payments: it kept changing concurrently`,
  );
}

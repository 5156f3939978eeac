import {
  ConflictError,
  ValidationError,
  formatMoney,
  type Clock,
  type Money,
} from "@digistore/core";
import type { Database } from "@digistore/db";
import type {
  AppliedDiscount,
  CheckoutDiscounts,
  DiscountableProduct,
} from "@digistore/domain-orders";
import type { Kysely } from "kysely";
import { amountOff, offLabel, toDiscount, type Discount, type DiscountRow } from "./discount";
import {
  countUses,
  findDiscountByCode,
  insertRedemption,
  isDiscountProduct,
  listDiscountTerms,
  lockDiscountRow,
} from "./discounts.repository";

const refuse = (message: string) => new ValidationError(message, { discountCode: [message] });
// One answer for an unknown code, another seller's, and one for other products: a buyer
// cannot probe which codes exist.
const NOT_HERE = "This code does not apply to this product.";

/**
 * The discounts module as checkout sees it: wire it into the orders context's `discounts`.
 * A code lowers the price (for pay what you want, the minimum and the suggestion); it is held
 * by the order from checkout, and released when that order expires or fails.
 */
export function createCheckoutDiscounts(deps: { clock: Clock }): CheckoutDiscounts {
  return {
    async apply(db, { code, buyerId, product }) {
      const row = await findDiscountByCode(db, product.sellerId, code);
      if (!row) throw refuse(NOT_HERE);
      const discount = await loadDiscount(db, row);
      const now = deps.clock.now().toISOString();
      const refusal =
        termsRefusal(discount, now) ??
        (await productRefusal(db, discount, product)) ??
        (await limitsRefusal(db, discount, { buyerId, productId: product.id, now }));
      if (refusal) throw refuse(refusal);
      return applied(discount, product);
    },

    async hold(db, dialect, use) {
      const row = await lockDiscountRow(db, dialect, use.discountId);
      if (!row) throw new ConflictError("This code is no longer available.");
      const now = deps.clock.now().toISOString();
      const refusal =
        termsRefusal(toDiscount(row, [], []), now) ??
        (await limitsRefusal(db, toDiscount(row, [], []), { ...use, now }));
      if (refusal) throw new ConflictError(refusal);
      await insertRedemption(db, {
        order_id: use.orderId,
        discount_id: use.discountId,
        user_id: use.buyerId,
        product_id: use.productId,
        list_amount: use.listAmount,
        created_at: now,
      });
    },
  };
}

async function loadDiscount(db: Kysely<Database>, row: DiscountRow): Promise<Discount> {
  const { amounts } = await listDiscountTerms(db, [row.id]);
  return toDiscount(
    row,
    amounts.map((a) => ({ amount: a.amount_off, currency: a.currency })),
    [],
  );
}

/** Whether the code may be used at all right now (its own terms, whoever buys). */
function termsRefusal(discount: Discount, now: string): string | null {
  if (discount.disabled) return "This code is no longer valid.";
  if (discount.startsAt && now < discount.startsAt) return "This code is not valid yet.";
  if (discount.endsAt && now >= discount.endsAt) return "This code has expired.";
  return null;
}

async function productRefusal(
  db: Kysely<Database>,
  discount: Discount,
  product: DiscountableProduct,
): Promise<string | null> {
  if (!discount.allProducts && !(await isDiscountProduct(db, discount.id, product.id))) {
    return NOT_HERE;
  }
  const off = amountOff(discount.off, product.price);
  if (!off) return NOT_HERE;
  // Never to zero (ADR 0002), and never a code that takes off nothing.
  if (off.amount >= product.price.amount) return "This code cannot be used on this product.";
  if (off.amount === 0) return NOT_HERE;
  return null;
}

async function limitsRefusal(
  db: Kysely<Database>,
  discount: Pick<Discount, "id" | "maxRedemptions" | "perCustomerLimit">,
  use: { buyerId: string; productId: string; now: string },
): Promise<string | null> {
  if (discount.maxRedemptions === null && discount.perCustomerLimit === null) return null;
  const counted = await countUses(db, { discountId: discount.id, ...use });
  if (counted.alreadyHolds) return null;
  if (discount.perCustomerLimit !== null && counted.buyerUses >= discount.perCustomerLimit) {
    return "You have already used this code.";
  }
  if (discount.maxRedemptions !== null && counted.uses >= discount.maxRedemptions) {
    return "This code has been used up.";
  }
  return null;
}

function applied(discount: Discount, product: DiscountableProduct): AppliedDiscount {
  const lower = (price: Money): Money => {
    const off = amountOff(discount.off, price);
    return { amount: price.amount - (off?.amount ?? 0), currency: price.currency };
  };
  const off = amountOff(discount.off, product.price)!;
  return {
    discountId: discount.id,
    code: discount.code,
    label: discount.off.kind === "percent" ? offLabel(discount.off) : `${formatMoney(off)} off`,
    price: lower(product.price),
    suggestedPrice: product.suggestedPrice && lower(product.suggestedPrice),
  };
}

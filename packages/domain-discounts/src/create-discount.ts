import { NotFoundError, ValidationError, newId, parseInput, requireSeller } from "@digistore/core";
import { isUniqueViolation } from "@digistore/db";
import { getDiscount, type SellerDiscount } from "./get-discount";
import { insertDiscount, listSellerProductRows } from "./discounts.repository";
import { ZCreateDiscountInput } from "./discounts.schemas";
import type { DiscountsContext } from "./ports";

/** A seller's new code, for all their products or the ones they chose. */
export async function createDiscount(
  ctx: DiscountsContext,
  rawInput: unknown,
): Promise<SellerDiscount> {
  const seller = requireSeller(ctx.actor);
  const input = parseInput(ZCreateDiscountInput, rawInput);
  const productIds = input.allProducts ? [] : [...new Set(input.productIds)];
  const owned = await listSellerProductRows(ctx.db, seller.userId, productIds);
  if (owned.length !== productIds.length) throw new NotFoundError("Product not found.");
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now().getTime());
  try {
    await ctx.db.transaction().execute((trx) =>
      insertDiscount(
        trx,
        {
          id,
          seller_id: seller.userId,
          code: input.code,
          code_key: input.code,
          percent_off: input.kind === "percent" ? input.percentOff : null,
          all_products: input.allProducts ? 1 : 0,
          starts_at: input.startsAt && new Date(input.startsAt).toISOString(),
          ends_at: input.endsAt && new Date(input.endsAt).toISOString(),
          max_redemptions: input.maxRedemptions,
          per_customer_limit: input.perCustomerLimit,
          disabled_at: null,
          created_at: now,
          updated_at: now,
        },
        input.kind === "fixed"
          ? input.amountsOff.map((a) => ({
              discount_id: id,
              currency: a.currency,
              amount_off: a.amount,
            }))
          : [],
        productIds,
      ),
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = `You already have a code ${input.code}.`;
      throw new ValidationError(message, { code: [message] });
    }
    throw error;
  }
  return getDiscount(ctx, { discountId: id });
}

import { parseInput } from "@digistore/core";
import { getDiscount, type SellerDiscount } from "./get-discount";
import { setDiscountDisabledAt } from "./discounts.repository";
import { ZSetDiscountDisabledInput } from "./discounts.schemas";
import type { DiscountsContext } from "./ports";

/**
 * The seller stops a code (or starts it again). Checkouts already holding it keep their
 * price: the buyer was shown it and may be paying right now.
 */
export async function setDiscountDisabled(
  ctx: DiscountsContext,
  input: unknown,
): Promise<SellerDiscount> {
  const { discountId, disabled } = parseInput(ZSetDiscountDisabledInput, input);
  const current = await getDiscount(ctx, { discountId });
  const now = ctx.clock.now().toISOString();
  if (current.disabled !== disabled) {
    await setDiscountDisabledAt(ctx.db, discountId, disabled ? now : null, now);
  }
  return getDiscount(ctx, { discountId });
}

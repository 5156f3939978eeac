import type { Discount, DiscountDetail } from "./dodo-types";
import { DodoApiError, notFound } from "./errors";
import { dodoId } from "./ids";
import type { TDiscountCreate } from "./schemas";
import { nowTimestamp, type EmulatorContext } from "./state";

/** `POST /discounts`: a percentage discount code the hosted page accepts when it shows the field. */
export function createDiscount(ctx: EmulatorContext, input: TDiscountCreate): Discount {
  if (input.type !== "percentage") {
    throw new DodoApiError(
      422,
      "DISCOUNT_TYPE_NOT_SUPPORTED",
      "The emulator only models percentage discounts",
    );
  }
  if (input.amount > 10_000) {
    throw new DodoApiError(
      422,
      "INVALID_REQUEST_BODY",
      "A percentage discount is at most 10000 bps",
    );
  }
  const code = (input.code ?? dodoId("dsc").slice(4, 20)).toUpperCase();
  if (findDiscountByCode(ctx, code)) {
    throw new DodoApiError(409, "DISCOUNT_CODE_EXISTS", `Discount code ${code} already exists`);
  }
  const discount: Discount = {
    discount_id: dodoId("dsc"),
    business_id: ctx.businessId,
    created_at: nowTimestamp(ctx),
    amount: input.amount,
    type: "percentage",
    code,
    name: input.name ?? null,
    customer_eligibility: "any",
    expires_at: input.expires_at ?? null,
    usage_limit: input.usage_limit ?? null,
    restricted_to: input.restricted_to ?? [],
    metadata: input.metadata ?? {},
    preserve_on_plan_change: false,
    times_used: 0,
  };
  ctx.state.discounts.set(discount.discount_id, discount);
  return discount;
}

export function getDiscount(ctx: EmulatorContext, id: string): Discount {
  const discount = ctx.state.discounts.get(id);
  if (!discount) throw notFound("Discount", id);
  return discount;
}

function findDiscountByCode(ctx: EmulatorContext, code: string): Discount | undefined {
  const wanted = code.toUpperCase();
  for (const discount of ctx.state.discounts.values()) {
    if (discount.code === wanted) return discount;
  }
  return undefined;
}

/**
 * The discount a buyer's code names, if it may be used now on these products; otherwise 400
 * `INVALID_DISCOUNT_CODE`, as the hosted page refuses an unknown or spent code.
 */
export function redeemableDiscount(
  ctx: EmulatorContext,
  code: string,
  productIds: readonly string[],
): Discount {
  const discount = findDiscountByCode(ctx, code);
  const now = ctx.clock.now().getTime();
  const usable =
    discount &&
    (discount.expires_at == null || Date.parse(discount.expires_at) > now) &&
    (discount.usage_limit == null || discount.times_used < discount.usage_limit) &&
    (discount.restricted_to.length === 0 ||
      productIds.some((id) => discount.restricted_to.includes(id)));
  if (!usable) {
    throw new DodoApiError(400, "INVALID_DISCOUNT_CODE", `Discount code ${code} cannot be used`);
  }
  return discount;
}

/** Counts a use of the code (a succeeded payment). */
export function useDiscount(ctx: EmulatorContext, discountId: string): void {
  const discount = getDiscount(ctx, discountId);
  ctx.state.discounts.set(discountId, { ...discount, times_used: discount.times_used + 1 });
}

/** The discount as a payment reports it (`discounts[]`). */
export function discountDetail(discount: Discount): DiscountDetail {
  return {
    discount_id: discount.discount_id,
    business_id: discount.business_id,
    amount: discount.amount,
    code: discount.code,
    created_at: discount.created_at,
    metadata: discount.metadata,
    position: 0,
    preserve_on_plan_change: discount.preserve_on_plan_change,
    restricted_to: discount.restricted_to,
    times_used: discount.times_used,
    type: discount.type,
  };
}

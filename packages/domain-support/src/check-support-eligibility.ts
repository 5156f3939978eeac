import { parseInput, requireUser, type Money } from "@digistore/core";
import { getProduct } from "@digistore/domain-catalog";
import type { SupportContext } from "./ports";
import { getSupportEligibility, type SupportEligibility } from "./support-eligibility";
import { ZSupportProductRef } from "./support.schemas";

export interface SupportOffer {
  readonly product: {
    readonly id: string;
    readonly title: string;
    readonly slug: string;
    readonly supportPrice: Money | null;
  };
  readonly eligibility: SupportEligibility;
}

/** What the "Get support" page needs: the product, its price, and whether the caller may ask. */
export async function checkSupportEligibility(
  ctx: Pick<SupportContext, "db" | "actor">,
  rawInput: unknown,
): Promise<SupportOffer> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZSupportProductRef, rawInput);
  const product = await getProduct(ctx, input.productId);
  return {
    product: {
      id: product.id,
      title: product.title,
      slug: product.slug,
      supportPrice: product.supportPrice,
    },
    eligibility: await getSupportEligibility(ctx.db, { id: userId }, product),
  };
}

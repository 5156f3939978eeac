import {
  ConflictError,
  ForbiddenError,
  PreconditionFailedError,
  newId,
  parseInput,
  requireUser,
} from "@digistore/core";
import { getProduct } from "@digistore/domain-catalog";
import { placeOrder } from "@digistore/domain-orders";
import { getUserById } from "@digistore/domain-users";
import type { SupportContext } from "./ports";
import { insertMessageRow } from "./support-messages.repository";
import { insertRequestRow } from "./support-requests.repository";
import { ZOpenSupportRequestInput } from "./support.schemas";
import { getSupportEligibility } from "./support-eligibility";
import { isUniqueViolation } from "@digistore/db";

export interface OpenedSupportRequest {
  readonly requestId: string;
  readonly orderId: string;
  /** The provider's hosted checkout: the request opens when its payment webhook lands. */
  readonly redirectUrl: string;
}

/**
 * "Get support" on an owned product: stores the request (awaiting payment) with its first
 * message and its own Order of kind "support" at the product's support price, through the
 * same checkout as products. Nothing opens here; only the verified payment event does that.
 */
export async function openSupportRequest(
  ctx: Pick<SupportContext, "db" | "dialect" | "clock" | "actor" | "payments" | "publicUrl">,
  rawInput: unknown,
): Promise<OpenedSupportRequest> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZOpenSupportRequestInput, rawInput);
  const { db } = ctx;
  // The whole record: the provider's checkout is given the buyer's email and name.
  const buyer = await getUserById(ctx, userId);
  const product = await getProduct(ctx, input.productId);
  const eligibility = await getSupportEligibility(db, buyer, product);
  if (!eligibility.eligible) {
    if (eligibility.refusal === "own_product") throw new ForbiddenError(eligibility.reason);
    if (eligibility.refusal === "active_request") throw new ConflictError(eligibility.reason);
    throw new PreconditionFailedError(eligibility.reason);
  }

  const placed = await placeOrder(ctx, {
    buyer,
    product: { id: product.id, title: product.title, sellerId: product.sellerId },
    kind: "support",
    price: eligibility.price,
    billingCountry: input.billingCountry,
    billingAddress: input.billingAddress,
  });

  const now = ctx.clock.now();
  const at = now.toISOString();
  const requestId = newId(now.getTime());
  try {
    await db.transaction().execute(async (trx) => {
      await insertRequestRow(trx, {
        id: requestId,
        purchase_id: eligibility.purchaseId,
        user_id: buyer.id,
        product_id: product.id,
        seller_id: product.sellerId,
        order_id: placed.orderId,
        subject: input.subject,
        status: "awaiting_payment",
        created_at: at,
        updated_at: at,
        paid_at: null,
        resolved_at: null,
        closed_at: null,
        last_message_at: at,
        // The customer wrote the only message: nothing in it is new to them.
        customer_read_at: at,
        seller_read_at: null,
      });
      await insertMessageRow(trx, {
        id: newId(now.getTime()),
        request_id: requestId,
        author_id: buyer.id,
        author_role: "customer",
        body: input.message,
        created_at: at,
      });
    });
  } catch (error) {
    // A concurrent open won the purchase's one active slot (the partial unique index). The
    // order just placed is never shown to the buyer; it stays pending and expires.
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "You already have an active support request for this product: continue in that thread.",
        { cause: error },
      );
    }
    throw error;
  }
  return { requestId, orderId: placed.orderId, redirectUrl: placed.redirectUrl };
}

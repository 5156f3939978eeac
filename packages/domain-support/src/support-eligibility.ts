import type { Money } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Product } from "@digistore/domain-catalog";
import { getAccess } from "@digistore/domain-orders";
import type { Kysely } from "kysely";
import { findActiveRequestId, findPurchaseRow } from "./support-requests.repository";

export type SupportRefusal =
  "no_support" | "own_product" | "not_owner" | "revoked" | "suspended" | "active_request";

export type SupportEligibility =
  | { readonly eligible: true; readonly price: Money; readonly purchaseId: string }
  | {
      readonly eligible: false;
      readonly refusal: SupportRefusal;
      readonly reason: string;
      /** For `active_request`: the thread to continue instead. */
      readonly activeRequestId: string | null;
    };

const REASONS: Record<SupportRefusal, string> = {
  no_support: "This product offers no paid support.",
  own_product: "You cannot buy support for your own product.",
  not_owner: "Support is for owners of this product.",
  revoked:
    "Support is for owners of this product: your access to it was revoked, so it has no support.",
  suspended:
    "Support is for owners of this product: your access is suspended while a payment dispute is open.",
  active_request:
    "You already have an active support request for this product: continue in that thread.",
};

function refuse(
  refusal: SupportRefusal,
  activeRequestId: string | null = null,
): SupportEligibility {
  return { eligible: false, refusal, reason: REASONS[refusal], activeRequestId };
}

/**
 * May this person open a paid support request for this product now? The one rule behind the
 * "Get support" button and `openSupportRequest`: the product has a support price, the person
 * holds an active PurchasedProduct for it, and that purchase has no active request.
 */
export async function getSupportEligibility(
  db: Kysely<Database>,
  user: { readonly id: string },
  product: Pick<Product, "id" | "sellerId" | "supportPrice">,
): Promise<SupportEligibility> {
  if (!product.supportPrice) return refuse("no_support");
  const access = await getAccess(db, user, product);
  if (access === "seller") return refuse("own_product");
  if (access === "none") return refuse("not_owner");
  if (access === "revoked") return refuse("revoked");
  if (access === "suspended") return refuse("suspended");
  const purchase = await findPurchaseRow(db, user.id, product.id);
  if (!purchase) return refuse("not_owner");
  const active = await findActiveRequestId(db, purchase.id);
  if (active) return refuse("active_request", active);
  return { eligible: true, price: product.supportPrice, purchaseId: purchase.id };
}

import type { RequestViewRow } from "./support-requests.repository";
import {
  isUnreadFor,
  toSupportRequest,
  type SupportRequest,
  type SupportRole,
} from "./support-request";

/** A request as lists and threads show it. */
export interface SupportRequestSummary extends SupportRequest {
  readonly productTitle: string;
  readonly productSlug: string;
  readonly customerName: string;
  readonly sellerName: string;
  /** Who wrote the newest message (null only for a request without one, which never happens). */
  readonly lastMessageBy: SupportRole | null;
  /** Unread for whoever asked (always false for staff: they have no marker). */
  readonly unread: boolean;
}

export function toSupportRequestSummary(
  row: RequestViewRow,
  viewer: SupportRole,
): SupportRequestSummary {
  const {
    product_title,
    product_slug,
    customer_name,
    seller_name,
    last_author_role,
    ...requestRow
  } = row;
  const request = toSupportRequest(requestRow);
  const lastMessageBy = last_author_role ?? null;
  return {
    ...request,
    productTitle: product_title,
    productSlug: product_slug,
    customerName: customer_name,
    sellerName: seller_name,
    lastMessageBy,
    unread: viewer !== "staff" && isUnreadFor(viewer, request, lastMessageBy),
  };
}
